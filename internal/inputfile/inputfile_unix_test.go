//go:build unix

package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadNamedPipe: opening a named pipe to read blocks until a writer
// opens it; Read refuses it before opening it.
func TestReadNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// If Read does block, opening the pipe for reading and writing (which
	// does not block) gives it its writer, and the test fails instead of
	// hanging.
	release := func() {
		if f, err := os.OpenFile(fifo, os.O_RDWR|syscall.O_NONBLOCK, 0); err == nil {
			t.Cleanup(func() { _ = f.Close() })
		}
	}
	_, err := readSoon(t, fifo, MB, release)
	if want := fifo + " is not a regular file (a named pipe)"; err == nil || err.Error() != want {
		t.Fatalf("Read(fifo) error %v, want %q", err, want)
	}
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("the error is not ErrNotRegular")
	}

	// A symbolic link to it is refused the same way.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	if _, err := readSoon(t, link, MB, release); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("Read(link to fifo) error %v, want one that is ErrNotRegular", err)
	}
}

func TestReadSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.yml")
	if err := os.WriteFile(target, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yml")
	if err := os.Symlink("target.yml", link); err != nil {
		t.Fatal(err)
	}
	data, err := readSoon(t, link, MB, nil)
	if err != nil || string(data) != "version: 1\n" {
		t.Fatalf("Read(link to a regular file) = %q, %v; want its target's content", data, err)
	}

	// The limit applies to the target.
	if _, err := readSoon(t, link, 5, nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read(link, 5) error %v, want one that is ErrTooLarge", err)
	}

	if _, err := os.Stat("/dev/zero"); err == nil {
		zero := filepath.Join(dir, "zero.yml")
		if err := os.Symlink("/dev/zero", zero); err != nil {
			t.Fatal(err)
		}
		_, err := readSoon(t, zero, MB, nil)
		if want := zero + " is not a regular file (a character device)"; err == nil || err.Error() != want {
			t.Errorf("Read(link to /dev/zero) error %v, want %q", err, want)
		}
	}
}
