package audit

import (
	"context"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/changelog"
	"github.com/oneway-lint/oneway/internal/report"
)

// readHistory starts reading the change log of the repository holding
// o.Dir (Options.History) while the packages load, and returns a function
// that waits for it; without History, one that returns nothing.
func readHistory(ctx context.Context, o Options) func() (*changelog.Log, error) {
	if !o.History {
		return func() (*changelog.Log, error) { return nil, nil }
	}
	type result struct {
		l   *changelog.Log
		err error
	}
	done := make(chan result, 1)
	go func() {
		l, err := changelog.Read(ctx, o.Dir, changelog.Options{})
		done <- result{l, err}
	}()
	return func() (*changelog.Log, error) {
		r := <-done
		return r.l, r.err
	}
}

// packageClauses returns the position of the package clause of every
// file of pkgs, by file name (the user's file for a cgo file): where a
// decision about a file as a whole sits. Read before the analysis, which
// lets go of the syntax.
func (pr *program) packageClauses(pkgs []*packages.Package) map[string]token.Pos {
	out := map[string]token.Pos{}
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			if f.Package.IsValid() {
				out[pr.fset.Position(f.Package).Filename] = f.Package
			}
		}
	}
	return out
}

// history places the change log's Go files in the analysed packages: a
// file counts for the package in whose directory it is (its tests with
// it). Other files (a README, go.mod or a Makefile beside the root
// package), files elsewhere, and commits left with none are left out.
func (pr *program) history(l *changelog.Log, pkgs []*packages.Package, clauses map[string]token.Pos) *family.History {
	byDir := map[string]*packages.Package{}
	first := map[*packages.Package]token.Pos{} // the package clause of its first file
	for _, p := range pkgs {
		if p.Dir == "" {
			continue
		}
		dir := p.Dir
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real // git names files below its real top directory
		}
		byDir[dir] = p
		var names []string
		for _, name := range slices.Concat(p.CompiledGoFiles, p.GoFiles) {
			if _, ok := clauses[name]; ok {
				names = append(names, name)
			}
		}
		if len(names) > 0 {
			first[p] = clauses[slices.Min(names)]
		}
	}
	h := &family.History{From: l.From, To: l.To}
	for _, c := range l.Commits {
		var files []family.ChangedFile
		for _, name := range c.Files {
			if !strings.HasSuffix(name, ".go") {
				continue // a README, go.mod or Makefile beside a package is not its code
			}
			abs := filepath.Join(l.Top, filepath.FromSlash(name))
			p := byDir[filepath.Dir(abs)]
			if p == nil || !first[p].IsValid() {
				continue
			}
			// Named as the loader named the package's files: below p.Dir
			// as go list gave it, which may run through a symbolic link
			// the work tree's top does not.
			local := filepath.Join(p.Dir, filepath.Base(abs))
			pos, ok := clauses[local]
			if !ok {
				pos = first[p]
			}
			files = append(files, family.ChangedFile{Name: pr.rel(local), Package: p.PkgPath, Pos: pos})
		}
		if len(files) > 0 {
			sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
			h.Commits = append(h.Commits, family.Commit{Rev: c.Rev, Files: files})
		}
	}
	return h
}

// historyInfo is what the report says of the change log read.
func historyInfo(l *changelog.Log) *report.History {
	return &report.History{
		From: l.From.Format("2006-01-02"), To: l.To.Format("2006-01-02"), Head: l.Head,
		Commits: len(l.Commits), Large: l.Large, Shallow: l.Shallow, Renames: l.Renamed,
	}
}

// churnCounter returns a function that counts the commits of the change
// log read that changed a finding's files, its related locations'
// included (finding.Evidence.Churn); 0 without -history.
func (f *families) churnCounter() func(finding.Finding) int {
	if f.history == nil {
		return func(finding.Finding) int { return 0 }
	}
	commits := map[string][]int{} // file → indexes of the commits that changed it
	for i, c := range f.history.Commits {
		for _, cf := range c.Files {
			commits[cf.Name] = append(commits[cf.Name], i)
		}
	}
	return func(fd finding.Finding) int {
		seen := map[int]bool{}
		add := func(pos token.Pos) {
			if pos.IsValid() {
				for _, i := range commits[f.prog.rel(f.prog.fset.Position(pos).Filename)] {
					seen[i] = true
				}
			}
		}
		add(fd.Pos)
		for _, r := range fd.Related {
			add(r.Pos)
		}
		return len(seen)
	}
}
