//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestWriteToFIFO: a named pipe (like /dev/stdout or /dev/null, not a
// regular file) is written to in place, through a symbolic link too; it
// stays a pipe, and no temporary file is left beside it.
func TestWriteToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{fifo, link} {
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			b, _ := io.ReadAll(f)
			// Closed before the test goes on: a reader still holding the
			// pipe open would let the next write open it and write into a
			// pipe whose last reader is about to go, and the next reader
			// would wait for a writer for ever.
			_ = f.Close()
			got <- string(b)
		}()
		if err := Write(target, []byte("report"), 0o644); err != nil {
			t.Fatalf("writing to %s: %v", filepath.Base(target), err)
		}
		select {
		case s := <-got:
			if s != "report" {
				t.Errorf("the reader of the pipe got %q, want report", s)
			}
		case <-time.After(time.Minute): // a guard against a hang, not a timing
			t.Fatalf("writing to %s never opened the pipe", filepath.Base(target))
		}
		fi, err := os.Lstat(fifo)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Type() != os.ModeNamedPipe {
			t.Fatalf("after writing to %s, the pipe is a %v", filepath.Base(target), fi.Mode().Type())
		}
	}
	assertNoTemp(t, dir, 2)
}
