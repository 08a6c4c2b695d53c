//go:build unix

package gitrev

import (
	"os/exec"
	"syscall"
)

// detach runs cmd in a process group of its own, so that the interrupt a
// terminal sends to the foreground process group does not reach it.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// kill ends cmd and the processes it started (hooks, helpers): they share
// its process group.
func kill(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // best effort: it may have ended
	_ = cmd.Process.Kill()
}
