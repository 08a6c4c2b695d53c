// Package startup runs statements held in slices as it starts: each
// element is a statement the rules check, the one a constant index picks
// or, for any other index or a range, every one.
package startup

import "database/sql"

var schema = []string{
	`CREATE TABLE IF NOT EXISTS carts (id INT PRIMARY KEY, items JSONB)`,
	`CREATE TABLE IF NOT EXISTS wishlists (id INT PRIMARY KEY)`,
}

var cleanup = [...]string{
	`DELETE FROM carts WHERE id = $1`,
	`DELETE FROM wishlists`,
}

var rewritten = []string{`DELETE FROM sessions`}

func init() { rewritten[0] = `DELETE FROM sessions WHERE expired` }

// Start creates the tables and clears them.
func Start(db *sql.DB) error {
	for i := range schema {
		if _, err := db.Exec(schema[i]); err != nil { // want `application code issues schema ddl for carts, wishlists` `column carts.items is a jsonb bag: its fields are a schema nobody declares`
			return err
		}
	}
	if _, err := db.Exec(cleanup[0], 1); err != nil { // the constant index picks the bounded delete
		return err
	}
	for _, q := range cleanup {
		if _, err := db.Exec(q); err != nil { // want `delete of wishlists without where changes every row`
			return err
		}
	}
	_, err := db.Exec(rewritten[0]) // init changes the element: unknown, not reported
	return err
}
