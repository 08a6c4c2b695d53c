package audit

import "allow/store" // want `component audit may not depend on store: imports allow/store \(1 site\)`

// Log is read by tests only.
func Log(db store.DB) {}
