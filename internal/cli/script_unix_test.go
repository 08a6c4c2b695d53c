//go:build unix

package cli

import (
	"os"
	"syscall"
	"time"
)

// mkfifo makes the named pipe of the script command mkfifo. Until the
// test ends, a watchdog opens it for writing, without blocking, and
// closes it again, every 100ms: that fails while nothing is reading it,
// and releases a reader blocked opening it, which then reads an empty
// file.
func (s *scriptState) mkfifo(name string) error {
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		return err
	}
	stop := make(chan struct{})
	s.t.Cleanup(func() { close(stop) })
	go func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			if f, err := os.OpenFile(name, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				_ = f.Close()
			}
		}
	}()
	return nil
}
