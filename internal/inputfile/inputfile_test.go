package inputfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// readSoon is Read with a guard: a Read that has not returned within a
// few seconds (one blocked opening a named pipe, or reading a device
// that never ends) fails the test instead of hanging it. release, if not
// nil, is called then to unblock it.
func readSoon(t *testing.T, name string, limit int64, release func()) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := Read(name, limit)
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(5 * time.Second):
		if release != nil {
			release()
		}
		t.Fatalf("Read(%s) has not returned after 5s: it blocks", name)
		return nil, nil
	}
}

func write(t *testing.T, dir, name string, size int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, bytes.Repeat([]byte{'x'}, size), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, reason string
		path         string
		limit        int64
		size         int    // of the content read, when there is no error
		wantErr      string // the error's text, "" for none
		is           error  // what the error wraps
	}{
		{
			name: "regular", reason: "a small regular file is read whole",
			path: write(t, dir, "small", 10), limit: 100, size: 10,
		},
		{
			name: "empty", reason: "an empty file is read as nothing, not refused",
			path: write(t, dir, "empty", 0), limit: 100, size: 0,
		},
		{
			name: "at limit", reason: "a file of exactly limit bytes is allowed",
			path: write(t, dir, "at", MB), limit: MB, size: MB,
		},
		{
			name: "one over", reason: "one byte over the limit is refused, the limit said in MB",
			path: write(t, dir, "over", MB+1), limit: MB,
			wantErr: filepath.Join(dir, "over") + " is larger than 1 MB", is: ErrTooLarge,
		},
		{
			name: "one over, bytes", reason: "a limit that is not a whole number of MB is said in bytes",
			path: write(t, dir, "over11", 11), limit: 10,
			wantErr: filepath.Join(dir, "over11") + " is larger than 10 bytes", is: ErrTooLarge,
		},
		{
			name: "directory", reason: "a directory is refused and named as such",
			path: dir, limit: MB,
			wantErr: dir + " is not a regular file (a directory)", is: ErrNotRegular,
		},
		{
			name: "missing", reason: "a missing file is os's error",
			path: filepath.Join(dir, "missing"), limit: MB, is: fs.ErrNotExist,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := readSoon(t, tt.path, tt.limit, nil)
			if tt.is == nil {
				if err != nil || len(data) != tt.size {
					t.Fatalf("Read = %d bytes, %v; want %d bytes (%s)", len(data), err, tt.size, tt.reason)
				}
				return
			}
			if !errors.Is(err, tt.is) {
				t.Fatalf("Read = %d bytes, %v; want an error that is %v (%s)", len(data), err, tt.is, tt.reason)
			}
			if tt.wantErr != "" && err.Error() != tt.wantErr {
				t.Errorf("error %q, want %q (%s)", err, tt.wantErr, tt.reason)
			}
			if data != nil {
				t.Errorf("Read returned %d bytes with its error", len(data))
			}
		})
	}
}

// TestReadDevZero: /dev/zero never ends; it is refused before it is
// opened, as a device.
func TestReadDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := readSoon(t, "/dev/zero", PolicyLimit, nil)
	if want := "/dev/zero is not a regular file (a character device)"; err == nil || err.Error() != want {
		t.Fatalf("Read(/dev/zero) error %v, want %q", err, want)
	}
}

// TestReadSizeIsAHint: files under /proc are regular, report a size of
// 0 and have content; the limit holds on what is read, not on the size
// Stat reports.
func TestReadSizeIsAHint(t *testing.T) {
	const name = "/proc/self/maps"
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != 0 {
		t.Skip("no /proc/self/maps of size 0")
	}
	_, err = Read(name, 10)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Read(%s, 10) error %v, want one that is ErrTooLarge", name, err)
	}
}
