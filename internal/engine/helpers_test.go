package engine

import (
	"os"
	"path/filepath"
	"testing"
)

// writeFile writes src to path, making its directory, and returns path.
func writeFile(t *testing.T, path, src string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
