package web

import "allow/store" // want `component web may not depend on store: imports allow/store \(2 sites\)`

func get(db store.DB) string { return db.Get("k") }
