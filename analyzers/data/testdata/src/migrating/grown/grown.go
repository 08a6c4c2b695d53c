// Package grown versions its schema in a list of statements that a
// runner applies in order: tables grow by ALTER TABLE, are rebuilt
// through temporary tables, and are dropped.
package grown

import "database/sql"

var migrations = []string{
	// want +1 `table tasks has 27 columns, more than 25: 20 at creation, the rest added in 4 places`
	`CREATE TABLE tasks (id INT, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT,
		c10 TEXT, c11 TEXT, c12 TEXT, c13 TEXT, c14 TEXT, c15 TEXT, c16 TEXT, c17 TEXT, c18 TEXT, c19 TEXT)`,
	`ALTER TABLE tasks ADD COLUMN d1 TEXT, ADD COLUMN d2 TEXT, ADD COLUMN d3 TEXT`,
	`ALTER TABLE tasks ADD COLUMN d4 TEXT; ALTER TABLE tasks ADD COLUMN d5 TEXT`,
	`ALTER TABLE tasks DROP COLUMN c19`,
	`ALTER TABLE tasks ADD COLUMN d6 TEXT, ADD COLUMN d7 TEXT, ADD COLUMN d8 TEXT`,
	// A table created wide and dropped since is no decision of today's schema.
	`CREATE TABLE old_log (id INT, a1 TEXT, a2 TEXT, a3 TEXT, a4 TEXT, a5 TEXT, a6 TEXT, a7 TEXT, a8 TEXT, a9 TEXT,
		a10 TEXT, a11 TEXT, a12 TEXT, a13 TEXT, a14 TEXT, a15 TEXT, a16 TEXT, a17 TEXT, a18 TEXT, a19 TEXT,
		a20 TEXT, a21 TEXT, a22 TEXT, a23 TEXT, a24 TEXT, a25 TEXT, a26 TEXT, state JSONB)`,
	`DROP TABLE old_log`,
	// A bag column dropped later is gone too.
	`ALTER TABLE tasks ADD COLUMN scratch JSONB`,
	`ALTER TABLE tasks DROP COLUMN scratch`,
	// SQLite rebuilds a table through a temporary one: the columns move
	// to the new name.
	`CREATE TABLE labels (id INT, title TEXT, meta JSONB)`, // want `column labels.meta is a jsonb bag: its fields are a schema nobody declares`
	`CREATE TABLE labels_dg_tmp (id INT, title TEXT, meta JSONB); INSERT INTO labels_dg_tmp SELECT * FROM labels; DROP TABLE labels; ALTER TABLE labels_dg_tmp RENAME TO labels`,
}

// Migrate applies the steps; the runner is not part of the list.
func Migrate(db *sql.DB, from int) error {
	for _, m := range migrations[from:] {
		if _, err := db.Exec(m); err != nil {
			return err
		}
	}
	return nil
}

// AddMigration registers a goose-style pair of functions.
func AddMigration(up, down func(*sql.DB) error) {}

func init() { AddMigration(upWide, downWide) }

func upWide(db *sql.DB) error {
	// want +1 `table wide has 26 columns, more than 25`
	_, err := db.Exec(`CREATE TABLE wide (id INT, a1 TEXT, a2 TEXT, a3 TEXT, a4 TEXT, a5 TEXT, a6 TEXT, a7 TEXT, a8 TEXT, a9 TEXT,
		a10 TEXT, a11 TEXT, a12 TEXT, a13 TEXT, a14 TEXT, a15 TEXT, a16 TEXT, a17 TEXT, a18 TEXT, a19 TEXT,
		a20 TEXT, a21 TEXT, a22 TEXT, a23 TEXT, a24 TEXT, a25 TEXT)`)
	return err
}

// downWide undoes upWide: a rollback says nothing of the schema.
func downWide(db *sql.DB) error {
	_, err := db.Exec(`DROP TABLE wide`)
	return err
}
