package app

import "database/sql"

// schemaVersion is the number of migrations: the list is indexed by
// version, each a function run in its own transaction.
var schemaVersion = len(migrations)

var migrations = [...]func(tx *sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE entries (id SERIAL PRIMARY KEY, title TEXT)`) // a step of a list of funcs
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`ALTER TABLE entries ADD COLUMN hash TEXT; UPDATE entries SET hash = ''`) // a backfill runs once
		return err
	},
	upgradeEntries, // a declared function in the list
}

func upgradeEntries(tx *sql.Tx) error {
	_, err := tx.Exec(`DELETE FROM entries`)
	return err
}

// statement lists run by a loop the scanner cannot follow: the list is
// the schema's history all the same.
type step struct {
	stmts []string
}

var dbMigrations = []step{
	{stmts: []string{
		`CREATE TABLE keys (id TEXT PRIMARY KEY, verification_keys BYTEA)`,
		`UPDATE keys SET verification_keys = NULL`,
	}},
}

// Migrate runs the steps the scanner cannot resolve.
func Migrate(db *sql.DB) error {
	for _, m := range dbMigrations {
		for i := range m.stmts {
			if _, err := db.Exec(m.stmts[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Names that only look like migration lists are not: the literal is
// bound to something else.
var lookups = []func(tx *sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE entries SET title = ''`) // want `update of entries without where changes every row`
		return err
	},
}
