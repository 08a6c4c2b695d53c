// Package g imports e and a: dependencies two levels down.
package g

import (
	"database/sql"

	"example.com/load/a"
	"example.com/load/e"
)

// Name is e's.
const Name = e.Name

// Open opens.
func Open() (*sql.DB, a.Pair[string], error) {
	db, err := sql.Open("x", Name)
	return db, a.Pair[string]{}, err
}
