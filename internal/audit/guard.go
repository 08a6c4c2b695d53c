package audit

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// guarded copies analyzers, and every analyzer they require, so that a
// panic in one analyzer on one package becomes that action's error (with
// the stack) instead of ending the audit. The copies see their
// requirements' results under the original analyzers too, since analyzer
// code looks them up by the package-level values it knows.
type guarded struct {
	copies map[*analysis.Analyzer]*analysis.Analyzer // original → copy
	orig   map[*analysis.Analyzer]*analysis.Analyzer // copy → original
}

func newGuarded() *guarded {
	return &guarded{copies: map[*analysis.Analyzer]*analysis.Analyzer{}, orig: map[*analysis.Analyzer]*analysis.Analyzer{}}
}

// guard returns the guarded copy of a.
func (g *guarded) guard(a *analysis.Analyzer) *analysis.Analyzer {
	if c, ok := g.copies[a]; ok {
		return c
	}
	c := *a
	g.copies[a] = &c
	g.orig[&c] = a
	c.Requires = make([]*analysis.Analyzer, len(a.Requires))
	for i, r := range a.Requires {
		c.Requires[i] = g.guard(r)
	}
	run, requires := a.Run, a.Requires
	c.Run = func(pass *analysis.Pass) (res any, err error) {
		for _, r := range requires {
			if _, ok := pass.ResultOf[r]; !ok {
				pass.ResultOf[r] = pass.ResultOf[g.copies[r]]
			}
		}
		defer func() {
			if p := recover(); p != nil {
				res, err = nil, &PanicError{Analyzer: a.Name, Value: p, Stack: debug.Stack()}
			}
		}()
		return run(pass)
	}
	return &c
}

// original returns the analyzer a guarded copy was made from.
func (g *guarded) original(c *analysis.Analyzer) *analysis.Analyzer {
	if a, ok := g.orig[c]; ok {
		return a
	}
	return c
}

// PanicError is an analyzer's panic, turned into an error for its package.
type PanicError struct {
	Analyzer string
	Value    any
	Stack    []byte
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("analyzer %s panicked: %v (oneway audit -v shows the stack)", e.Analyzer, e.Value)
}

// cause describes why an action failed: its own error, or that of the
// first requirement it waited for that failed on its own account (the
// checker only says "failed prerequisites").
func cause(act *checker.Action, g *guarded) string {
	seen := map[*checker.Action]bool{}
	var find func(*checker.Action) *checker.Action
	find = func(a *checker.Action) *checker.Action {
		if seen[a] {
			return nil
		}
		seen[a] = true
		for _, d := range a.Deps {
			if d.Err != nil {
				if c := find(d); c != nil {
					return c
				}
				return d
			}
		}
		return nil
	}
	failed := act
	if c := find(act); c != nil {
		failed = c
	}
	msg := fmt.Sprintf("%s: %v", g.original(failed.Analyzer).Name, failed.Err)
	if failed.Package != act.Package {
		msg += " (in dependency " + failed.Package.PkgPath + ")"
	}
	return msg
}
