//go:build windows

package gitrev

import (
	"os/exec"
	"syscall"
)

// detach runs cmd in a process group of its own: such a process ignores
// the console's Ctrl-C.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP}
}

// kill ends cmd.
func kill(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill() // best effort: it may have ended
	}
}
