// Package depstest lists what a package links, for the tests that keep
// dependencies pointing down (the policy links no family, the
// golangci-lint plugin no audit engine).
package depstest

import (
	"os/exec"
	"strings"
	"testing"
)

// Deps returns the import paths `go list -deps .` prints for the package
// of the test's directory, failing the test when it cannot tell.
func Deps(t testing.TB) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps listed too little to judge: %v", deps)
	}
	return deps
}
