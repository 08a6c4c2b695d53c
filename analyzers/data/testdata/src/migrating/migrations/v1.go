// Package migrations holds versioned schema migrations, one function per
// version, that an upgrade command runs in order.
package migrations

import "database/sql"

// V1 creates the first tables.
func V1(db *sql.DB) error {
	_, err := db.Exec(v1) // want `column accounts.prefs is a jsonb bag: its fields are a schema nobody declares`
	return err
}

const v1 = `
CREATE TABLE accounts (id SERIAL PRIMARY KEY, name TEXT, prefs JSONB NOT NULL DEFAULT '{}');
INSERT INTO settings (key, value) VALUES ('version', '1');
`
