package family

import (
	"go/token"
	"time"
)

// History is what version control says of how the code changed over a
// period: the commits, each with the files of the analysed packages it
// changed (oneway audit -history). It is nil when the driver did not read
// it (go vet, golangci-lint, nogo, an audit without -history): rules
// that need it decide nothing then.
type History struct {
	From, To time.Time // the period: To is the commit audited
	Commits  []Commit  // newest first
}

// Commit is one commit of the period.
type Commit struct {
	Rev   string
	Files []ChangedFile // sorted by name
}

// ChangedFile is a file a commit changed in the directory of an analysed
// package.
type ChangedFile struct {
	Name    string // relative to the module root, as the report names files
	Package string // the import path of the package in whose directory it is
	// Pos is the file's package clause, for a Go file of the package as
	// it is now; else the package clause of the package's first file.
	Pos token.Pos
}
