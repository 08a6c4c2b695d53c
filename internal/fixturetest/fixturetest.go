// Package fixturetest runs analyzers on test fixtures as analysistest
// does, and fails where analysistest passes silently: a pattern that
// matches no package checks nothing (a renamed fixture directory, a typo
// in a table test), so it is an error.
package fixturetest

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Run is analysistest.Run, failing the test for each pattern that
// matched no package.
func Run(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	results := analysistest.Run(t, dir, a, patterns...)
	for _, p := range patterns {
		if !matchedAny(p, results) {
			t.Errorf("pattern %q matched no package of %s: the test checks nothing there", p, dir)
		}
	}
	return results
}

// matchedAny reports whether a result's package is one pattern p names:
// p itself, or below p's prefix for a pattern ending in /... ("./..."
// matches any; a pattern starting with ./ names the end of the path).
func matchedAny(p string, results []*analysistest.Result) bool {
	for _, r := range results {
		if r.Pass == nil || r.Pass.Pkg == nil {
			continue
		}
		path := r.Pass.Pkg.Path()
		prefix, tree := strings.CutSuffix(p, "/...")
		if !tree {
			prefix = p
		}
		if p == "./..." || p == "..." {
			return true
		}
		if rel, ok := strings.CutPrefix(prefix, "./"); ok {
			// Relative to the module: the package path ends with it.
			if strings.HasSuffix(path, "/"+rel) || tree && strings.Contains(path+"/", "/"+rel+"/") {
				return true
			}
			continue
		}
		if path == prefix || tree && strings.HasPrefix(path, prefix+"/") {
			return true
		}
	}
	return false
}
