// Package jobs queries through the db package's wrapper and database/sql.
package jobs

import (
	"context"
	"database/sql"
	"fmt"

	"shopsql/db"
)

func Nightly(ctx context.Context, d *db.DB, s *sql.DB, where string) error {
	d.Exec(ctx, "DELETE FROM carts")                                    // want `delete of carts without where changes every row`
	d.Exec(ctx, "DELETE FROM sessions WHERE expires_at < now()")        // deleting with a condition is fine
	d.Exec(ctx, "UPDATE products SET featured = false")                 // want `update of products without where changes every row`
	d.Exec(ctx, "UPDATE products SET featured = true WHERE id = $1", 1) // bounded
	d.Exec(ctx, "DELETE FROM sessions "+where)                          // the WHERE may be in the variable part
	d.Exec(ctx, "TRUNCATE audit_log")                                   // truncate is explicit
	d.Exec(ctx, "INSERT INTO stats (n) VALUES ($1) ON CONFLICT (n) DO UPDATE SET n = 1")
	d.Clear(ctx, "wishlists") // want `delete of wishlists without where changes every row`

	rows, err := s.QueryContext(ctx, "SELECT * FROM products WHERE active") // want `select \* from products couples the code to every column of products`
	if err != nil {
		return err
	}
	rows.Close()
	s.QueryRowContext(ctx, "SELECT count(*) FROM products")                                               // count(*) is no star
	s.QueryRowContext(ctx, "SELECT id FROM carts c WHERE EXISTS (SELECT * FROM items WHERE cart = c.id)") // star in EXISTS
	s.QueryRowContext(ctx, "SELECT c.* FROM carts c JOIN items i ON i.cart = c.id")                       // want `select \* from carts couples the code to every column of carts`
	s.QueryRowContext(ctx, "SELECT c.id, i.* FROM carts c JOIN items i ON i.cart = c.id")                 // want `select \* from items couples the code to every column of items`
	s.QueryRowContext(ctx, "SELECT * FROM (SELECT id, total FROM carts) x")                               // the derived table names its columns
	s.QueryRowContext(ctx, "SELECT * FROM wishlists w JOIN carts c ON c.id = w.cart")                     // want `select \* from carts, wishlists couples the code to every column of carts and wishlists`
	q := fmt.Sprintf("SELECT id, %s FROM %s", "name", "products")
	s.QueryRowContext(ctx, q)                             // resolved, no star
	s.ExecContext(ctx, "DROP TABLE IF EXISTS tmp_import") // want `application code issues schema ddl for tmp_import`
	return nil
}
