// Package schema is a stub of entgo.io/ent/dialect/sql/schema.
package schema

type Column struct{ Name string }

type Table struct {
	Name    string
	Columns []*Column
}
