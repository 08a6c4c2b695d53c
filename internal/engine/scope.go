package engine

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/cache"
)

// The dependencies that need analysing. A fact analyzer whose fact
// types say where their facts can be (family.ScopedFact) runs on a
// dependency only in that scope: a package of the code base, one that
// is or imports (directly or not) a package the scope names, or holds
// one of its texts. A dependency no analyzer needs is neither parsed nor
// type-checked: it has no facts. Most of the standard library and of a
// service's requirements import no router and no database library.

// factScopes returns, by analyzer index, the scope of each fact
// analyzer: the union of its fact types' scopes, or nil when one of them
// may be anywhere (or for analyzers without facts).
func factScopes(as []*analysis.Analyzer) []*family.FactScope {
	out := make([]*family.FactScope, len(as))
	for i, a := range as {
		if len(a.FactTypes) == 0 {
			continue
		}
		var sc family.FactScope
		scoped := true
		for j, f := range a.FactTypes {
			s, ok := f.(family.ScopedFact)
			if !ok {
				scoped = false
				break
			}
			fs := s.FactScope()
			sc.Imports = append(sc.Imports, fs.Imports...)
			sc.Texts = append(sc.Texts, fs.Texts...)
			sc.OwnTexts = append(sc.OwnTexts, fs.OwnTexts...)
			sc.MainModules = sc.MainModules || fs.MainModules
			sc.NoStandardLibrary = (j == 0 || sc.NoStandardLibrary) && fs.NoStandardLibrary // all of them
		}
		if scoped {
			out[i] = &sc
		}
	}
	return out
}

// required returns the fact analyzers of list that need reports, with
// the analyzers they require, in list's order (list holds requirements
// first).
func (e *Engine) required(list []int, need func(i int) bool) []int {
	keep := make([]bool, len(e.analyzers))
	var mark func(i int)
	mark = func(i int) {
		if keep[i] {
			return
		}
		keep[i] = true
		for _, r := range e.analyzers[i].Requires {
			mark(e.index[r])
		}
	}
	for _, i := range list {
		if len(e.analyzers[i].FactTypes) > 0 && need(i) {
			mark(i)
		}
	}
	var out []int
	for _, i := range list {
		if keep[i] {
			out = append(out, i)
		}
	}
	return out
}

// plan sets, for every dependency, the analyzers that must run on it
// (u.run, in the order of depList, requirements included); for the
// packages the patterns matched, every one of depList.
func (e *Engine) plan() {
	scopes := factScopes(e.analyzers)
	var facts []int
	for _, i := range e.depList {
		if len(e.analyzers[i].FactTypes) > 0 {
			facts = append(facts, i)
		}
	}
	held := e.holdTexts(scopes, facts)
	for _, u := range e.units { // postorder: imports first
		u.reach = make([]bool, len(e.analyzers))
		if u.initial {
			for _, i := range facts {
				u.reach[i] = true
			}
			u.run = e.depList
			continue
		}
		needed := make([]bool, len(e.analyzers))
		files := held[u]
		for _, i := range facts {
			sc := scopes[i]
			if sc == nil {
				needed[i], u.reach[i] = true, true
				continue
			}
			reach := sc.Covers(u.pkg.PkgPath)
			for _, imp := range u.imports {
				reach = reach || imp.reach[i]
			}
			if !reach && len(sc.Texts) > 0 && !standard(u.pkg) {
				reach = files.hold(sc.Texts)
			}
			u.reach[i] = reach
			needed[i] = reach || sc.MainModules && mainModule(u.pkg) || len(sc.OwnTexts) > 0 && !standard(u.pkg) && files.hold(sc.OwnTexts)
			if sc.NoStandardLibrary && standard(u.pkg) {
				needed[i] = false // still passing reach on to its importers
			}
		}
		u.run = e.required(e.depList, func(i int) bool { return needed[i] })
		if len(u.run) == 0 && u.pkg.PkgPath != "unsafe" {
			e.stats.skipped.Add(1)
		}
	}
}

// mainModule reports whether p belongs to a main module. A package whose
// module is unknown (GOPATH mode) counts as the code base's.
func mainModule(p *packages.Package) bool {
	return p.Module == nil && !standard(p) || p.Module != nil && p.Module.Main
}

// standard reports whether p is a package of the standard library.
func standard(p *packages.Package) bool {
	if p.Module != nil {
		return false
	}
	first, _, _ := strings.Cut(p.PkgPath, "/")
	return !strings.Contains(first, ".")
}

// holdTexts reads the Go files of every dependency a scope may ask about
// (not the standard library's, nor the analysed packages') once, in
// parallel, and notes which of the scopes' text lists they hold. Reading
// them one package after another was most of what choosing the
// dependencies cost on an audit with every dependency's facts cached.
func (e *Engine) holdTexts(scopes []*family.FactScope, facts []int) map[*unit]*fileTexts {
	var lists [][]string
	for _, i := range facts {
		if sc := scopes[i]; sc != nil {
			for _, l := range [][]string{sc.Texts, sc.OwnTexts} {
				if len(l) > 0 {
					lists = append(lists, l)
				}
			}
		}
	}
	held := make(map[*unit]*fileTexts, len(e.units))
	var todo []*fileTexts
	for _, u := range e.units {
		f := &fileTexts{held: map[string]bool{}}
		held[u] = f
		if len(lists) > 0 && !u.initial && !standard(u.pkg) {
			f.p, f.lists = u.pkg, lists
			todo = append(todo, f)
		}
	}
	e.scanTexts(todo, lists)
	return held
}

// scanTexts notes which of lists the files of each of todo hold: from
// the cache for the dependencies whose files cannot change, if the last
// audit scanned the same ones, else from what the driver's TextScan read
// ahead, else from their files.
func (e *Engine) scanTexts(todo []*fileTexts, lists [][]string) {
	key, known, fixed := e.heldBefore(todo, lists)
	e.texts.Stop()
	g := Parallel()
	for _, f := range todo {
		if known[f.p.ID] != "" {
			f.set(known[f.p.ID])
			f.cached = true
			continue
		}
		if e.texts.lookUp(f) {
			e.stats.textsAhead.Add(1)
			continue // read ahead (see TextScan)
		}
		g.Go(func() error {
			f.read()
			return nil
		})
	}
	_ = g.Wait() // read never fails: an unreadable file may hold anything
	if known == nil && len(fixed) > 0 {
		e.heldPut(key, fixed)
	}
}

// textsVersion changes when the scan of texts or its entries change.
const textsVersion = 1

// heldBefore returns what the last audit found in the dependencies of
// todo whose files cannot change (immutableIdentity: a module version, a
// released Go), if it scanned the same ones for the same lists: by
// package ID, which lists they hold (see fileTexts.mask). It also returns
// the key and those dependencies, to store their answers under after a
// scan. A module version stands for its files, so its answer stands too.
func (e *Engine) heldBefore(todo []*fileTexts, lists [][]string) (cache.Key, map[string]string, []*fileTexts) {
	var key cache.Key
	if e.cache == nil {
		return key, nil, nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "oneway texts %d\x00%q\x00", textsVersion, lists)
	var fixed []*fileTexts
	for _, f := range todo {
		if id, ok := immutableIdentity(f.p, &e.goroots); ok {
			fmt.Fprintf(h, "%q %q\x00", f.p.ID, id)
			fixed = append(fixed, f)
		}
	}
	h.Sum(key[:0])
	data, ok := e.cache.Get(depsKind, key)
	if !ok {
		return key, nil, fixed
	}
	known := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if id, mask, ok := strings.Cut(line, "\t"); ok && len(mask) == len(lists) {
			known[id] = mask
		}
	}
	if len(known) != len(fixed) {
		return key, nil, fixed // not this audit's entry
	}
	return key, known, fixed
}

// heldPut stores what the scan found in fixed under key.
func (e *Engine) heldPut(key cache.Key, fixed []*fileTexts) {
	var b strings.Builder
	for _, f := range fixed {
		fmt.Fprintf(&b, "%s\t%s\n", f.p.ID, f.mask())
	}
	_ = e.cache.Put(depsKind, key, []byte(b.String())) // a failed write is a later scan
}

// fileTexts is which of some text lists the Go files of a package hold.
type fileTexts struct {
	p      *packages.Package
	lists  [][]string
	held   map[string]bool // by listKey
	cached bool            // the answer came from the cache
}

func listKey(texts []string) string { return strings.Join(texts, "\x00") }

// read reads the files and notes the lists they hold; a file that
// cannot be read may hold anything (analysis will say what is wrong).
func (f *fileTexts) read() {
	held := make([]bool, len(f.lists))
	for _, name := range f.p.CompiledGoFiles {
		b, release, err := readSource(name)
		if err != nil {
			release()
			for _, l := range f.lists {
				f.held[listKey(l)] = true
			}
			return
		}
		for i, l := range f.lists {
			held[i] = held[i] || slices.ContainsFunc(l, func(t string) bool { return bytes.Contains(b, []byte(t)) })
		}
		release()
	}
	for i, l := range f.lists {
		f.held[listKey(l)] = held[i]
	}
}

// mask says which of the lists the files hold: "1" or "0" for each, in
// order.
func (f *fileTexts) mask() string {
	b := make([]byte, len(f.lists))
	for i, l := range f.lists {
		b[i] = '0'
		if f.held[listKey(l)] {
			b[i] = '1'
		}
	}
	return string(b)
}

// set notes the lists a mask says the files hold.
func (f *fileTexts) set(mask string) {
	for i, l := range f.lists {
		f.held[listKey(l)] = mask[i] == '1'
	}
}

// hold reports whether one of the files holds one of texts, a list read
// by holdTexts.
func (f *fileTexts) hold(texts []string) bool { return f.held[listKey(texts)] }
