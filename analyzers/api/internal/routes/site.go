package routes

import (
	"cmp"
	"go/token"
	"path"
	"path/filepath"
	"strings"
)

// Site is where a route is registered, as results and facts carry it:
// the package, the file's name in the package's directory and the place
// in that file. It names no directory of the machine that analysed the
// package, so facts holding it are the same on every machine (a shared
// cache, Bazel's remote cache under nogo).
type Site struct {
	Package string // import path
	File    string // the file's base name
	Line    int    // 1-based, as the file's own lines count (no //line directive applied)
	Column  int    // 1-based, in bytes
	Offset  int    // 0-based, in bytes
}

// siteOf is the site of pos, a position of the package pkg.
func siteOf(fset *token.FileSet, pkg string, pos token.Pos) Site {
	p := fset.PositionFor(pos, false)
	return Site{Package: pkg, File: filepath.Base(p.Filename), Line: p.Line, Column: p.Column, Offset: p.Offset}
}

// Compare orders sites by package, file and offset.
func (s Site) Compare(t Site) int {
	return cmp.Or(strings.Compare(s.Package, t.Package), strings.Compare(s.File, t.File), cmp.Compare(s.Offset, t.Offset))
}

// posFinder turns sites back into positions of a file set, when the file
// set holds the site's file: a file of the analysed package, or of
// another package whose source the driver parsed into the same file set
// (the checker driver; oneway's own for the packages it analyses and
// those whose facts name sites).
//
// A site names its file by package and base name; the file set by
// directory. The file is the one of that base name whose lines hold the
// site (its line and column at its offset) and whose directory ends in
// the most elements of the package's import path; when two distinct
// files fit equally well the site is not found: a wrong position is
// worse than none (the caller falls back to a position of its own
// package).
type posFinder struct {
	fset   *token.FileSet
	byBase map[string][]*token.File
}

func newPosFinder(fset *token.FileSet) *posFinder { return &posFinder{fset: fset} }

// pos is find without its second result: token.NoPos when not found.
func (p *posFinder) pos(s Site) token.Pos {
	found, _ := p.find(s)
	return found
}

func (p *posFinder) find(s Site) (token.Pos, bool) {
	if p.fset == nil || s.File == "" {
		return token.NoPos, false
	}
	if p.byBase == nil {
		p.byBase = map[string][]*token.File{}
		p.fset.Iterate(func(f *token.File) bool {
			b := filepath.Base(f.Name())
			p.byBase[b] = append(p.byBase[b], f)
			return true
		})
	}
	var best *token.File
	bestDepth, tie := -1, false
	for _, f := range p.byBase[s.File] {
		if !holds(f, s) {
			continue
		}
		depth := commonTail(filepath.Dir(f.Name()), s.Package)
		switch {
		case depth > bestDepth:
			best, bestDepth, tie = f, depth, false
		case depth == bestDepth && f.Name() == best.Name():
			best = f // one file parsed twice (a package and its test variant): the same positions
		case depth == bestDepth:
			tie = true
		}
	}
	if best == nil || tie {
		return token.NoPos, false
	}
	return best.Pos(s.Offset), true
}

// holds reports whether f's lines put s's line and column at its offset:
// a file that only looks like the site's (one of export data, which
// knows lines but not their lengths, or another package's file of the
// same name) does not.
func holds(f *token.File, s Site) bool {
	if s.Offset < 0 || s.Offset > f.Size() {
		return false
	}
	p := f.PositionFor(f.Pos(s.Offset), false)
	return p.Line == s.Line && p.Column == s.Column
}

// commonTail counts the trailing elements that a directory and an
// import path share: 2 for /src/shop/api and example.com/shop/api. An
// external test package's path is its directory's with _test added.
func commonTail(dir, pkg string) int {
	pkg = strings.TrimSuffix(pkg, "_test")
	n := 0
	for dir != "" && pkg != "" {
		d, p := filepath.Base(dir), path.Base(pkg)
		if d != p || d == "." || d == string(filepath.Separator) {
			break
		}
		n++
		dir, pkg = filepath.Dir(dir), path.Dir(pkg)
		if pkg == "." {
			break
		}
	}
	return n
}
