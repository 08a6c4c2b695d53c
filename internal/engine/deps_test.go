package engine

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestFactsKeyNamesNoDirectory: the facts of a module version name no
// directory, so neither does their key: a module cache elsewhere (another
// machine, GOMODCACHE moved) uses the same entries.
func TestFactsKeyNamesNoDirectory(t *testing.T) {
	pkg := func(modcache string) *packages.Package {
		dir := filepath.Join(modcache, "example.com", "lib@v1.2.3")
		return &packages.Package{
			PkgPath:         "example.com/lib",
			CompiledGoFiles: []string{filepath.Join(dir, "lib.go")},
			Module:          &packages.Module{Path: "example.com/lib", Version: "v1.2.3", Dir: dir},
		}
	}
	a, okA := immutableIdentity(pkg("/old/mod"), new(goroots))
	b, okB := immutableIdentity(pkg("/new/mod"), new(goroots))
	if !okA || !okB {
		t.Fatalf("a module version in the module cache has no immutable identity: %v %v", okA, okB)
	}
	if a != b || strings.Contains(a, "/old/mod") {
		t.Errorf("the same module version in two module caches has identities %q and %q: one would not use the other's facts", a, b)
	}
}
