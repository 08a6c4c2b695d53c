//go:build !unix && !windows

package gitrev

import "os/exec"

// detach does nothing where there are no process groups to leave.
func detach(*exec.Cmd) {}

// kill ends cmd.
func kill(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill() // best effort: it may have ended
	}
}
