// Package users owns the customers table.
package users

import (
	"context"

	"example.com/shop/platform/db"
)

func SignUp(ctx context.Context, q *db.Q, email string) error {
	return q.Exec(ctx, "INSERT INTO customers (email) VALUES ($1)", email)
}

func Rename(ctx context.Context, q *db.Q, id int64, name string) error {
	return q.Exec(ctx, "UPDATE customers SET name = $1 WHERE id = $2", name, id)
}

func Get(ctx context.Context, q *db.Q, id int64) error {
	_, err := q.Query(ctx, "SELECT id, email FROM customers WHERE id = $1", id)
	return err
}

// setVersion records the schema version of the users' store, as each
// component with a store of its own does in its own schemaVersion
// table: the migration machinery's, no shared table.
func setVersion(ctx context.Context, q *db.Q, v int) error {
	return q.Exec(ctx, "UPDATE schemaVersion SET version = $1 WHERE id = 1", v)
}
