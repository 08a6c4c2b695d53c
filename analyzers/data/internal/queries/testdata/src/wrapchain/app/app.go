// Package app wraps lib's wrapper: nothing it names reaches
// database/sql, only a function with a WrapperFact.
package app

import "wrapchain/lib"

// Save runs a statement through lib.
func Save(query string) error { return lib.Exec(query) }
