package main

import (
	"allow/audit" // cmd=* allows every component
	"allow/billing"
	"allow/store"
	"allow/web"
)

func main() {
	var b billing.Service
	var db store.DB
	web.Serve(b, db)
	audit.Log(db)
}
