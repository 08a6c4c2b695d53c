//go:build unix

package policyfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/inputfile"
)

// TestFindNotRegular: a .oneway.yml that is a named pipe or a link to
// /dev/zero is found, not skipped, and Load and Bytes refuse it at once.
func TestFindNotRegular(t *testing.T) {
	tests := []struct {
		name, reason string
		make         func(path string) error
	}{
		{"named pipe", "opening a pipe would wait for a writer forever",
			func(p string) error { return syscall.Mkfifo(p, 0o600) }},
		{"link to /dev/zero", "reading /dev/zero never ends",
			func(p string) error {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero")
				}
				return os.Symlink("/dev/zero", p)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeFile(t, filepath.Join(root, "go.mod"), []byte("module example.com/m\n"))
			path := filepath.Join(root, ".oneway.yml")
			if err := tt.make(path); err != nil {
				t.Skipf("cannot make it: %v", err)
			}
			if got := Find(root); got != path {
				t.Fatalf("Find = %q, want %q (%s)", got, path, tt.reason)
			}
			done := make(chan [2]error, 1)
			go func() {
				src := Source{Path: path}
				_, berr := src.Bytes()
				_, lerr := src.Load(analyzers.Rules())
				done <- [2]error{berr, lerr}
			}()
			select {
			case errs := <-done:
				if !errors.Is(errs[0], inputfile.ErrNotRegular) {
					t.Errorf("Bytes error %v, want one that is ErrNotRegular (%s)", errs[0], tt.reason)
				}
				if errs[1] == nil {
					t.Errorf("Load succeeded, want an error (%s)", tt.reason)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("Bytes or Load has not returned after 5s (%s)", tt.reason)
			}
		})
	}
}
