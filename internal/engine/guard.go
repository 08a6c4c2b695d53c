package engine

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// runGuarded runs a on pass so that a panic in one analyzer on one
// package becomes that action's error (with the stack) instead of
// ending the audit.
func runGuarded(a *analysis.Analyzer, pass *analysis.Pass) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, &PanicError{Analyzer: a.Name, Value: p, Stack: debug.Stack()}
		}
	}()
	return a.Run(pass)
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

// Cause describes why the action of a on the analysed package p failed: its own error, or
// that of the first requirement it waited for that failed on its own
// account (an action that waited only says "failed prerequisites"). The
// requirements are searched in the order go/analysis/checker records
// them, so the message is the one its driver gave.
func (e *Engine) Cause(p *packages.Package, a *analysis.Analyzer) string {
	u := e.byPkg[p]
	seen := map[actRef]bool{}
	var find func(k actRef) (actRef, bool)
	find = func(k actRef) (actRef, bool) {
		if seen[k] {
			return actRef{}, false
		}
		seen[k] = true
		for _, d := range e.deps(k.u, k.i) {
			if d.u.acts[d.i].err != nil {
				if c, ok := find(d); ok {
					return c, true
				}
				return d, true
			}
		}
		return actRef{}, false
	}
	failed := actRef{u, e.index[a]}
	if c, ok := find(failed); ok {
		failed = c
	}
	msg := fmt.Sprintf("%s: %v", e.analyzers[failed.i].Name, failed.u.acts[failed.i].err)
	if failed.u != u {
		msg += " (in dependency " + failed.u.pkg.PkgPath + ")"
	}
	return msg
}
