// Package app registers migrations in several styles and also issues
// schema from ordinary code.
package app

import (
	"database/sql"

	"gorm.io/gorm"
)

// migration is one versioned step of the schema.
type migration struct {
	from, to string
	up       func(*sql.DB) error
}

func newFuncMigration(from, to string, fn func(*sql.DB) error) migration {
	return migration{from: from, to: to, up: fn}
}

// AddMigration registers a goose-style pair of functions.
func AddMigration(up, down func(*sql.DB) error) {}

type Tag struct {
	ID   uint
	Name string `gorm:"size:64"`
}

var steps = []migration{
	newFuncMigration("1", "2", func(db *sql.DB) error {
		_, err := db.Exec(`ALTER TABLE tags ADD COLUMN color TEXT`) // a registered migration
		return err
	}),
	{from: "2", to: "3", up: func(db *sql.DB) error {
		_, err := db.Exec(`CREATE INDEX tags_name ON tags (name)`) // a migration by its type
		return err
	}},
}

func init() { AddMigration(upTags, downTags) }

func upTags(db *sql.DB) error {
	_, err := db.Exec(`CREATE TABLE tag_aliases (tag_id INT, alias TEXT)`) // registered with AddMigration
	return err
}

func downTags(db *sql.DB) error {
	_, err := db.Exec(`DROP TABLE tag_aliases`)
	return err
}

// setSchemaVersion records the version the migrations reached.
func setSchemaVersion(db *sql.DB, v string) error {
	_, err := db.Exec(`UPDATE app_system SET schema_version = $1`, v) // one row of bookkeeping
	return err
}

// runMigrations auto-migrates: its name does not make it versioned.
func runMigrations(db *gorm.DB) error {
	return db.AutoMigrate(&Tag{}) // want `application code issues orm schema migration for tags`
}

// Start issues schema as the application starts.
func Start(db *sql.DB) error {
	_, err := db.Exec(`CREATE TABLE IF NOT EXISTS cache (k TEXT PRIMARY KEY, v TEXT)`) // want `application code issues schema ddl for cache`
	if err != nil {
		return err
	}
	_, err = db.Exec(`UPDATE cache SET v = ''`) // want `update of cache without where changes every row`
	return err
}
