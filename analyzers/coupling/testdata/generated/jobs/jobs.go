// Package jobs runs jobs; it holds services of two components, and is
// imported by main and by web: no composition root, its concrete
// dependencies are reported.
package jobs

import (
	"example.com/gen/mail"
	"example.com/gen/store"
)

// Runner runs jobs.
type Runner struct {
	S *store.Store // want `component jobs depends on concrete store\.Store of store: 1 field \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
	M *mail.Sender // want `component jobs depends on concrete mail\.Sender of mail: 1 field \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
}

// Run runs.
func Run() {}
