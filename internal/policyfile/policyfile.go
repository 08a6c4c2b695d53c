// Package policyfile finds and loads the policy a run of oneway uses:
// the one named on the command line, else a .oneway.yml (or .oneway.yaml)
// in the working directory or one of its parents up to the module root,
// else the policy embedded in oneway.
package policyfile

import (
	"os"
	"path/filepath"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/policy"
)

// Names are the file names discovery looks for, in order.
var Names = [...]string{".oneway.yml", ".oneway.yaml"}

// DefaultName is how reports name the embedded policy.
const DefaultName = "(default)"

// Find looks for a policy file in dir and its parents, stopping at the
// first directory that holds a go.mod (the module root) or a go.work.
// It returns "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, n := range Names {
			p := filepath.Join(dir, n)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p
			}
		}
		if isRoot(dir) {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isRoot(dir string) bool {
	for _, n := range []string{"go.mod", "go.work"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			return true
		}
	}
	return false
}

// Source says which policy a run uses.
type Source struct {
	Path string // the file, or "" for the embedded default
}

// Choose picks the policy file: explicit if not empty, else the one Find
// returns for dir.
func Choose(explicit, dir string) Source {
	if explicit != "" {
		return Source{Path: explicit}
	}
	return Source{Path: Find(dir)}
}

// Load loads the chosen policy; its rule settings are checked against
// the given rules.
func (s Source) Load(rules []finding.Rule) (*policy.Policy, error) {
	if s.Path == "" {
		return policy.Default(), nil
	}
	return policy.LoadWith(s.Path, rules)
}

// Bytes returns the policy's content, for hashing.
func (s Source) Bytes() ([]byte, error) {
	if s.Path == "" {
		return policy.DefaultBytes(), nil
	}
	return os.ReadFile(s.Path)
}
