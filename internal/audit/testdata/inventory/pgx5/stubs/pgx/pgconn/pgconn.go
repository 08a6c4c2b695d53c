// Package pgconn is a stub of github.com/jackc/pgx/v5/pgconn.
package pgconn

type CommandTag struct{}

func (CommandTag) RowsAffected() int64 { return 0 }

type StatementDescription struct{}
