package policyfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/inputfile"
	"github.com/oneway-lint/oneway/policy"
)

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "go.mod"), []byte("module example.com/m\n"))
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != "" {
		t.Errorf("Find with no policy = %q, want \"\"", got)
	}
	// A directory named .oneway.yml is not a policy: the search goes on.
	if err := os.Mkdir(filepath.Join(sub, ".oneway.yml"), 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, ".oneway.yaml")
	writeFile(t, want, []byte("version: 1\n"))
	if got := Find(sub); got != want {
		t.Errorf("Find = %q, want the module root's %q", got, want)
	}
}

func TestBytes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yml")
	writeFile(t, good, []byte("version: 1\n"))
	big := filepath.Join(dir, "big.yml")
	writeFile(t, big, bytes.Repeat([]byte("#\n"), inputfile.PolicyLimit/2+1))

	if b, err := (Source{}).Bytes(); err != nil || !bytes.Equal(b, policy.DefaultBytes()) {
		t.Errorf("Bytes of the default = %q, %v; want the embedded policy", b, err)
	}
	if b, err := (Source{Path: good}).Bytes(); err != nil || string(b) != "version: 1\n" {
		t.Errorf("Bytes(%s) = %q, %v; want its content", good, b, err)
	}
	tests := []struct {
		name, reason string
		path         string
		is           error
	}{
		{"directory", "a directory has no bytes to hash", dir, inputfile.ErrNotRegular},
		{"too large", "the hash reads no more of a policy than Load would", big, inputfile.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := (Source{Path: tt.path}).Bytes(); !errors.Is(err, tt.is) {
				t.Errorf("Bytes error %v, want one that is %v (%s)", err, tt.is, tt.reason)
			}
			if _, err := (Source{Path: tt.path}).Load(analyzers.Rules()); err == nil {
				t.Errorf("Load succeeded, want an error (%s)", tt.reason)
			}
		})
	}
}
