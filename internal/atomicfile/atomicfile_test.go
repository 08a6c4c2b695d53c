package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(name)
	if string(got) != "new" {
		t.Errorf("content = %q, want new", got)
	}
	fi, _ := os.Stat(name)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want the existing file's 0600", fi.Mode().Perm())
	}
	assertNoTemp(t, dir, 1)
}

func TestWriteErrorLeavesTargetAlone(t *testing.T) {
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "missing", "f.txt"), []byte("x"), 0o644); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	target := filepath.Join(dir, "adir")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(target, []byte("x"), 0o644); err == nil {
		t.Error("writing over a directory succeeded")
	}
	// A parent that is a file: the temporary file cannot be made (even
	// for root), and nothing is left behind.
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(file, "child"), []byte("x"), 0o644); err == nil {
		t.Error("writing below a regular file succeeded")
	}
	if got, _ := os.ReadFile(file); string(got) != "precious" {
		t.Errorf("the file was changed to %q", got)
	}
	assertNoTemp(t, dir, 2)
}

func TestCreateRefusesExisting(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f.txt")
	if err := Create(name, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Create(name, []byte("second"), 0o644)
	if !errors.Is(err, ErrExists) {
		t.Errorf("second Create: %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(name); string(got) != "first" {
		t.Errorf("content = %q, want first", got)
	}
	assertNoTemp(t, dir, 1)
}

// assertNoTemp checks the directory holds exactly n entries: no
// temporary file was left behind.
func assertNoTemp(t *testing.T, dir string, n int) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != n {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Errorf("%s holds %v, want %d entries (a temporary file left behind?)", dir, names, n)
	}
}
