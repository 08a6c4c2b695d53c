// Package policyfile finds and loads the policy a run of oneway uses:
// the one named on the command line, else a .oneway.yml (or .oneway.yaml)
// in the working directory or one of its parents up to the module root,
// else the policy embedded in oneway.
package policyfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/inputfile"
	"github.com/oneway-lint/oneway/policy"
)

// Names are the file names discovery looks for, in order.
var Names = [...]string{".oneway.yml", ".oneway.yaml"}

// DefaultName is how reports name the embedded policy.
const DefaultName = "(default)"

// Find looks for a policy file in dir and its parents, stopping at the
// first directory that holds a go.mod (the module root) or a go.work.
// It returns "" when there is none. Anything named .oneway.yml that is
// not a directory counts, even a named pipe or a link to a device: Load
// and Bytes then report it, rather than a run silently falling back to
// another policy.
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
		return policy.Default(rules), nil
	}
	return policy.Load(s.Path, rules)
}

// Bytes returns the policy's content, for hashing. Like Load, it refuses
// a file that is not a regular file or is larger than
// inputfile.PolicyLimit.
func (s Source) Bytes() ([]byte, error) {
	if s.Path == "" {
		return policy.DefaultBytes(), nil
	}
	return inputfile.Read(s.Path, inputfile.PolicyLimit)
}

// InTree returns every policy file that a package of the workspace or
// module around dir could use: each file with one of Names, and each
// file at the relative path rel (if not ""), in the directory trees of
// the modules of the nearest go.work upward from dir (and that file's
// own directory), else of the nearest go.mod, else of dir. Directories
// named .something are left out, as the go command leaves them out of
// ./... patterns. The list is sorted.
func InTree(dir, rel string) []string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	names := Names[:]
	if rel != "" {
		names = append(names[:len(names):len(names)], rel)
	}
	var found []string
	look := func(d string) {
		for _, n := range names {
			if fi, err := os.Stat(filepath.Join(d, n)); err == nil && !fi.IsDir() {
				found = append(found, filepath.Join(d, n))
			}
		}
	}
	walk := func(root string) {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fs.SkipDir // best effort: what cannot be read holds no policy
			}
			if !d.IsDir() {
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			look(p)
			return nil
		})
	}
	roots := []string{dir}
	if wdir, ok := upward(dir, "go.work"); ok {
		if uses, ok := workspaceModules(filepath.Join(wdir, "go.work")); ok {
			look(wdir)
			roots = uses
		}
	} else if mdir, ok := upward(dir, "go.mod"); ok {
		roots = []string{mdir}
	}
	for _, r := range roots {
		walk(r)
	}
	sort.Strings(found)
	return slices.Compact(found)
}

// workspaceModules returns the directories of the modules a go.work uses.
func workspaceModules(gowork string) ([]string, bool) {
	data, err := inputfile.Read(gowork, inputfile.PolicyLimit)
	if err != nil {
		return nil, false
	}
	wf, err := modfile.ParseWork(gowork, data, nil)
	if err != nil {
		return nil, false
	}
	var dirs []string
	for _, u := range wf.Use {
		d := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(gowork), d)
		}
		dirs = append(dirs, d)
	}
	return dirs, true
}

// upward returns the nearest directory from dir upward that holds name.
func upward(dir, name string) (string, bool) {
	for {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
