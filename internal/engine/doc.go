// Package engine runs go/analysis analyzers over packages loaded by
// go/packages with the semantics of golang.org/x/tools/go/analysis/checker
// (the same results, diagnostics, facts, failed prerequisites and error
// messages; TestDifferential holds it to that), but with the
// dependencies from export data: an analyzer with facts runs on a
// dependency only when the dependency can carry its facts
// (family.ScopedFact), one package at a time from source, and the facts
// are kept in a content-addressed cache (deps.go) that names no
// directory (family.PlacedFact).
//
// Load (load.go) loads the packages to analyse as go/packages does with
// LoadMode, but without building them: only their dependencies' export
// data is asked of the go command (TestLoadLikePackages holds it to
// go/packages' results). A driver may have the dependencies' facts
// computed, on types of the engine's own, before the loader reads any
// export data or type-checks the packages to analyse (Early, through
// LoadOptions.BeforeSource), so that both are not in memory at once,
// and have the dependencies' files read for the fact scopes' texts while
// the go command gives the export data (ScanTexts, through
// LoadOptions.Listed).
//
// It is oneway's in-process unitchecker: the audit uses it; go vet,
// golangci-lint and nogo use their own drivers on the same analyzers.
package engine
