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
		if got := ownListing(&tt.cfg, tt.patterns, buildFlags(&tt.cfg, nil)); got != tt.want {
			t.Errorf("%s: own listing %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestBuildFlags: the flags that decide whether the loader lists by
// itself (coverage) and whether GOARCH gives the type sizes (gc): the
// build flags and GOFLAGS, from go env when known (it includes the go
// command's configuration file), else from the environment.
func TestBuildFlags(t *testing.T) {
	for _, tt := range []struct {
		cfg             packages.Config
		goEnv           map[string]string
		compiler, cover bool
	}{
		{packages.Config{Env: []string{}}, nil, false, false},
		{packages.Config{Env: []string{}, BuildFlags: []string{"-compiler=gccgo"}}, nil, true, false},
		{packages.Config{Env: []string{"GOFLAGS=-compiler=gccgo"}}, nil, true, false},
		{packages.Config{Env: []string{}}, map[string]string{"GOFLAGS": "-mod=mod --cover"}, false, true},
		{packages.Config{Env: []string{"GOFLAGS=-cover"}}, map[string]string{"GOFLAGS": "-tags=coverage"}, false, false},
		{packages.Config{Env: []string{}, BuildFlags: []string{"-coverpkg=./..."}}, map[string]string{}, false, true},
	} {
		flags := buildFlags(&tt.cfg, tt.goEnv)
		if got := hasFlag(flags, "-compiler"); got != tt.compiler {
			t.Errorf("%v: compiler flag %v, want %v", flags, got, tt.compiler)
		}
		if got := hasFlag(flags, "-cover"); got != tt.cover {
			t.Errorf("%v: cover flag %v, want %v", flags, got, tt.cover)
		}
	}
}
