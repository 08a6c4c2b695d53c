package web

import (
	"allow/billing" // web may depend on billing
	"allow/store"   // a related position of the finding reported in more.go
)

func Serve(b billing.Service, db store.DB) { b.Bill(db) }
