// Package pgx is a stub of github.com/jackc/pgx/v4 with the signatures
// the fixture uses.
package pgx

import (
	"context"

	"github.com/jackc/pgconn"
)

type Rows interface {
	Close()
	Next() bool
	Scan(dest ...any) error
}

type Row interface{ Scan(dest ...any) error }

type QueryFuncRow interface{ Values() ([]any, error) }

type Tx interface {
	Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error)
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

type Conn struct{}

func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row { return nil }
func (c *Conn) QueryFunc(ctx context.Context, sql string, args []any, scans []any, f func(QueryFuncRow) error) (pgconn.CommandTag, error) {
	return nil, nil
}

type Batch struct{}
type BatchResults interface{ Close() error }

func (b *Batch) Queue(query string, arguments ...any) {}
