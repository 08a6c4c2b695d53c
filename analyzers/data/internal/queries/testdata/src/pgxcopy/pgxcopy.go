// Package pgxcopy writes rows with COPY through pgx v5 and v4: CopyFrom
// writes the table its pgx.Identifier names.
package pgxcopy

import (
	"context"

	pgx4 "github.com/jackc/pgx/v4"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DBTX is the interface sqlc generates for pgx, CopyFrom included.
type DBTX interface {
	CopyFrom(ctx context.Context, tableName pgx.Identifier, columnNames []string, rowSrc pgx.CopyFromSource) (int64, error)
}

// copier is no pgx: its CopyFrom takes no identifier.
type copier struct{}

func (copier) CopyFrom(ctx context.Context, table string, rows [][]any) error { return nil }

var archive = pgx.Identifier{"archive", "events"}

func Load(ctx context.Context, pool *pgxpool.Pool, conn *pgx.Conn, tx pgx.Tx, db DBTX, c4 *pgx4.Conn, table string, rows [][]any) {
	cols := []string{"id", "at"}
	pool.CopyFrom(ctx, pgx.Identifier{"audit_log"}, cols, pgx.CopyFromRows(rows))           // audit_log
	conn.CopyFrom(ctx, pgx.Identifier{"billing", "Invoices"}, cols, pgx.CopyFromRows(rows)) // billing.Invoices, quoted
	tx.CopyFrom(ctx, archive, cols, pgx.CopyFromRows(rows))                                 // archive.events
	db.CopyFrom(ctx, []string{"authors"}, cols, pgx.CopyFromRows(rows))                     // authors, as sqlc passes it
	c4.CopyFrom(ctx, pgx4.Identifier{"readings"}, cols, pgx4.CopyFromRows(nil))             // readings, pgx v4
	pool.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))                 // a site, no table: named at run time
	copier{}.CopyFrom(ctx, "audit_log", rows)                                               // no site
}
