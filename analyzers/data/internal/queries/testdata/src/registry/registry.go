// Package registry keeps its migrations in lists: statements held as
// data, functions in a slice, and steps with their rollbacks.
package registry

import "database/sql"

type change struct {
	summary string
	sql     string
}

// migrations lists the schema's history as data; the words for people
// beside the statements are no SQL.
var migrations = []change{
	{"Delete stored keys whose owner is gone", `DELETE FROM keys WHERE owner_id NOT IN (SELECT id FROM users)`},
	{summary: "Update description definition", sql: `ALTER TABLE notes ADD COLUMN body TEXT`},
}

// Migration is a step and the step that undoes it.
type Migration struct {
	ID       string
	Migrate  func(*sql.Tx) error
	Rollback func(*sql.Tx) error
}

var steps = []*Migration{
	{
		ID: "2",
		Migrate: func(tx *sql.Tx) error {
			_, err := tx.Exec(`CREATE TABLE tags (id INT)`)
			return err
		},
		Rollback: func(tx *sql.Tx) error {
			_, err := tx.Exec(`DROP TABLE tags`)
			return err
		},
	},
}

// AddMigration registers a goose-style pair.
func AddMigration(up, down func(*sql.Tx) error) {}

func init() { AddMigration(upLabels, downLabels) }

func upLabels(tx *sql.Tx) error {
	_, err := tx.Exec(`CREATE TABLE labels (id INT)`)
	return err
}

func downLabels(tx *sql.Tx) error {
	_, err := tx.Exec(`DROP TABLE labels`)
	return err
}

var schemaMigrations = [...]func(*sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE notes SET body = ''`)
		return err
	},
	func(tx *sql.Tx) error {
		renames := map[string]string{"list": "lists", "label_task": "label_tasks"}
		for from, to := range renames {
			if err := renameTable(tx, from, to); err != nil { // one statement per entry
				return err
			}
		}
		return nil
	},
}

func renameTable(tx *sql.Tx, from, to string) error { // want renameTable:`sql wrapper of database/sql.Tx.Exec: ALTER TABLE \{1\} RENAME TO \{2\}`
	_, err := tx.Exec("ALTER TABLE " + from + " RENAME TO " + to)
	return err
}

// lookups is no migration list: its functions are the application's.
var lookups = []func(*sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE notes SET body = ''`)
		return err
	},
}

// recordMigrationVersion formats the version into its statement as a
// value: the query is here, not at its callers.
func recordMigrationVersion(tx *sql.Tx, v string) error {
	_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES ('migrations', '` + v + `')`)
	return err
}

// setSchemaVersionIn names its caller's table: the callers' sites are the
// migrations' bookkeeping, like the function.
func setSchemaVersionIn(tx *sql.Tx, table string) error { // want setSchemaVersionIn:`sql wrapper of database/sql.Tx.Exec: UPDATE \{1\} SET version = 3`
	_, err := tx.Exec("UPDATE " + table + " SET version = 3")
	return err
}

// Setup installs the schema's last version.
func Setup(tx *sql.Tx) error {
	if err := recordMigrationVersion(tx, "v3"); err != nil {
		return err
	}
	return setSchemaVersionIn(tx, "app_meta")
}
