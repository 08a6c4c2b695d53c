// Package bunmodel declares a model whose bun tag names its table, and
// queries nothing: its TableNameFact comes from the tag alone.
package bunmodel

import "github.com/uptrace/bun"

// User is a user.
type User struct {
	bun.BaseModel `bun:"table:app_users"`
	ID            int64
}
