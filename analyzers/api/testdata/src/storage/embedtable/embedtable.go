// Package embedtable declares a model whose TableName method is promoted // want package:"tables storage/embedtable.Premium"
// from a type of another package: its own code has none.
package embedtable

import "storage/tablename"

// Premium is an account with more.
type Premium struct {
	tablename.Account
	Level int
}
