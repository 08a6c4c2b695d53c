// Package narrow is checked with -max-columns=2.
package narrow

import (
	"context"
	"database/sql"
)

func Setup(ctx context.Context, db *sql.DB) {
	db.ExecContext(ctx, "CREATE TABLE t (a int, b int, c int)") // want `table t has 3 columns, more than 2` `application code issues schema ddl for t`
	db.ExecContext(ctx, "CREATE TABLE u (a int, b int)")        // want `application code issues schema ddl for u`
}
