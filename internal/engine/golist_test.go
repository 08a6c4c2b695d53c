package engine

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestOwnListing: the loader lists by itself only what go/packages' go
// list driver lists the same way; the rest is packages.Load's.
func TestOwnListing(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no gopackagesdriver on PATH
	for _, tt := range []struct {
		name     string
		cfg      packages.Config
		patterns []string
		want     bool
	}{
		{"patterns", packages.Config{}, []string{"./...", "example.com/x"}, true},
		{"no pattern: go/packages lists the current directory", packages.Config{}, nil, false},
		{"test variants", packages.Config{Tests: true}, []string{"./..."}, false},
		{"overlay", packages.Config{Overlay: map[string][]byte{"/a.go": nil}}, []string{"./..."}, false},
		{"a file query", packages.Config{}, []string{"file=a.go"}, false},
		{"files named", packages.Config{}, []string{"a.go"}, false},
		{"an external driver", packages.Config{Env: []string{"GOPACKAGESDRIVER=/bin/driver"}}, []string{"./..."}, false},
		{"the external driver turned off", packages.Config{Env: []string{"GOPACKAGESDRIVER=/bin/driver", "GOPACKAGESDRIVER=off"}}, []string{"./..."}, true},
		{"coverage in the build flags", packages.Config{BuildFlags: []string{"-cover"}}, []string{"./..."}, false},
		{"coverage in GOFLAGS", packages.Config{Env: []string{"GOFLAGS=-coverpkg=./..."}}, []string{"./..."}, false},
		{"other build flags", packages.Config{BuildFlags: []string{"-tags=x"}}, []string{"./..."}, true},
	} {
		if got := ownListing(&tt.cfg, tt.patterns); got != tt.want {
			t.Errorf("%s: own listing %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestCompilerFlag: the type sizes follow from GOARCH only for the gc
// compiler.
func TestCompilerFlag(t *testing.T) {
	for _, tt := range []struct {
		cfg  packages.Config
		want bool
	}{
		{packages.Config{Env: []string{}}, false},
		{packages.Config{Env: []string{}, BuildFlags: []string{"-compiler=gccgo"}}, true},
		{packages.Config{Env: []string{"GOFLAGS=-compiler=gccgo"}}, true},
	} {
		if got := compilerFlag(&tt.cfg); got != tt.want {
			t.Errorf("%+v: %v, want %v", tt.cfg, got, tt.want)
		}
	}
}
