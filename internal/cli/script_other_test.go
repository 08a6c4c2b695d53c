//go:build !unix

package cli

// mkfifo skips the script: there are no named pipes here.
func (s *scriptState) mkfifo(name string) error {
	s.t.Skipf("mkfifo %s: no named pipes here", name)
	return nil
}
