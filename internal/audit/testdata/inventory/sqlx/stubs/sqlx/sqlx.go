// Package sqlx is a stub of github.com/jmoiron/sqlx with the signatures
// the fixture uses.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct{ *sql.DB }
type Tx struct{ *sql.Tx }
type Rows struct{ *sql.Rows }
type Row struct{}
type NamedStmt struct{}

func (db *DB) Get(dest any, query string, args ...any) error { return nil }
func (db *DB) GetContext(ctx context.Context, dest any, query string, args ...any) error {
	return nil
}
func (db *DB) Select(dest any, query string, args ...any) error { return nil }
func (db *DB) Queryx(query string, args ...any) (*Rows, error)  { return nil, nil }
func (db *DB) NamedExecContext(ctx context.Context, query string, arg any) (sql.Result, error) {
	return nil, nil
}
func (db *DB) PrepareNamed(query string) (*NamedStmt, error)       { return nil, nil }
func (db *DB) MustExec(query string, args ...any) sql.Result       { return nil }
func (db *DB) Rebind(query string) string                          { return query }
func (db *DB) MustBegin() *Tx                                      { return nil }
func (tx *Tx) MustExec(query string, args ...any) sql.Result       { return nil }
func (tx *Tx) Get(dest any, query string, args ...any) error       { return nil }
func (tx *Tx) NamedExec(query string, arg any) (sql.Result, error) { return nil, nil }
func (tx *Tx) Commit() error                                       { return nil }
func (s *NamedStmt) Select(dest any, arg any) error                { return nil }

func In(query string, args ...any) (string, []any, error) { return query, args, nil }

// Get runs a query through any queryer.
func Get(q any, dest any, query string, args ...any) error { return nil }
