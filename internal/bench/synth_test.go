package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestGenerate: the smallest generated module has the packages asked
// for, every one of which type-checks, and generating twice gives the
// same files.
func TestGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a generated module")
	}
	dir := t.TempDir()
	if err := Generate(dir, MinPackages); err != nil {
		t.Fatal(err)
	}
	n, bad, err := LoadFloor(context.Background(), dir, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	if n != MinPackages || bad != 0 {
		t.Errorf("loaded %d packages, %d with errors; want %d packages without errors", n, bad, MinPackages)
	}
	again := t.TempDir()
	if err := Generate(again, MinPackages); err != nil {
		t.Fatal(err)
	}
	err = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(again, rel))
		if err != nil || string(a) != string(b) {
			t.Errorf("%s differs between two generations", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := Generate(dir, MinPackages); err == nil {
		t.Error("Generate wrote into a directory that is not empty")
	}
	if err := Generate(t.TempDir(), MinPackages-1); err == nil {
		t.Errorf("Generate made a module of %d packages, fewer than MinPackages", MinPackages-1)
	}
}
