// Package pgconn is a stub of github.com/jackc/pgconn, which pgx v4 uses.
package pgconn

type CommandTag []byte
