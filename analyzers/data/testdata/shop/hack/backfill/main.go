// Command backfill is a developer's one-off script: it adds a column and
// fills it. Kept under hack/, it is a migration, not a component writing
// orders.
package main

import (
	"context"
	"database/sql"
)

func main() {
	db, _ := sql.Open("postgres", "")
	ctx := context.Background()
	db.ExecContext(ctx, "ALTER TABLE orders ADD COLUMN IF NOT EXISTS channel TEXT")
	db.ExecContext(ctx, "UPDATE orders SET channel = 'web' WHERE channel IS NULL")
}
