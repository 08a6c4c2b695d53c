// Package server assembles the application: only package main imports
// it, and it builds the services of two other components and hands them
// on without holding any. A composition root: the audit does not report
// its wiring; go vet, which cannot see who imports a package, does, with
// partial evidence.
package server

import (
	"example.com/gen/jobs"
	"example.com/gen/routes"
	"example.com/gen/store"
	"example.com/gen/web/handlers"
)

// New builds the application and hands its services on: it holds none.
func New() *handlers.Handler { // want `component server depends on concrete handlers\.Handler of web: 1 result, 1 literal \(2 uses\); 1 use binds to the type; depend on an interface instead`
	st := &store.Store{}     // want `component server depends on concrete store\.Store of store: 1 literal \(1 use\); 1 use binds to the type; depend on an interface instead`
	h := &handlers.Handler{} // the second site of the decision above
	st.Get()
	routes.Register(h)
	return h
}

// Jobs is no composition root: web imports it too.
var _ = jobs.Run
