// Package tablename names a model's table with a TableName method only. // want package:"tables storage/tablename.Account"
package tablename

// Account is a row of accounts.
type Account struct{ ID int64 }

// TableName names the table.
func (Account) TableName() string { return "accounts" }
