// Package valuer is an identifier type that a database can store, as a
// UUID library's is: it implements driver.Valuer and sql.Scanner, which
// puts it in the data facts' scope (it imports database/sql/driver), but
// it runs no query and declares no model. Before it is type-checked, it
// is known to have no fact (see possibleParsed).
package valuer

import (
	"database/sql/driver"
	"errors"
)

// ID identifies a thing.
type ID [16]byte

// Value stores the identifier.
func (id ID) Value() (driver.Value, error) { return id[:], nil }

// Scan reads the identifier back.
func (id *ID) Scan(src any) error {
	b, ok := src.([]byte)
	if !ok || len(b) != len(id) {
		return errors.New("valuer: not an ID")
	}
	copy(id[:], b)
	return nil
}
