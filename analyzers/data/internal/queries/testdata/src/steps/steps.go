// Package steps runs statements held in slices: an element of a slice or
// array of constant strings that nothing changes is one of them, the one
// a constant index picks or else any.
package steps

import (
	"context"
	"database/sql"
	"sort"
)

var steps = []string{
	`CREATE TABLE customers (id bigserial PRIMARY KEY)`,
	`CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint REFERENCES customers (id))`,
	`ALTER TABLE orders ADD COLUMN note text`,
}

var seeds = [...]string{
	"INSERT INTO regions (name) VALUES ('eu')",
	"INSERT INTO currencies (code) VALUES ('EUR')",
}

var patched = []string{"DELETE FROM carts WHERE id = $1", "DELETE FROM wishlists WHERE id = $1"}

var filters = []string{"WHERE status = 'open'", "WHERE status = 'closed'"}

func init() { patched[1] = "DELETE FROM sessions" }

func Apply(ctx context.Context, db *sql.DB, version int) {
	for i := version; i < len(steps); i++ {
		db.ExecContext(ctx, steps[i]) // customers and orders
	}
	db.ExecContext(ctx, seeds[1]) // currencies: the index is constant
	for _, q := range seeds {
		db.ExecContext(ctx, q) // regions and currencies
	}
	db.ExecContext(ctx, patched[0])                                  // a site, no table: init changes the elements
	db.QueryContext(ctx, "SELECT id FROM tickets "+filters[version]) // tickets: a clause of the set is no statement
	local := []string{"TRUNCATE audit_log", "TRUNCATE login_attempts"}
	for i := range local {
		db.ExecContext(ctx, local[i]) // audit_log and login_attempts
	}
	grown := []string{"DELETE FROM drafts WHERE id = 1"}
	grown = append(grown, "DELETE FROM outbox")
	db.ExecContext(ctx, grown[0]) // a site, no table: assigned twice
	sorted := []string{"DELETE FROM a WHERE x", "DELETE FROM b WHERE x"}
	sort.Strings(sorted)
	db.ExecContext(ctx, sorted[0]) // a site, no table: passed on, its elements may change
}
