// Package sqlx is a stub of github.com/jmoiron/sqlx for tests.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct{ *sql.DB }
type Tx struct{ *sql.Tx }
type Rows struct{ *sql.Rows }
type Row struct{}
type Stmt struct{}
type NamedStmt struct{}

func Open(driver, dsn string) (*DB, error) { return nil, nil }

func (db *DB) Get(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error)     { return nil, nil }
func (db *DB) QueryRowx(query string, args ...interface{}) *Row            { return nil }
func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error) { return nil, nil }
func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (db *DB) MustExec(query string, args ...interface{}) sql.Result         { return nil }
func (db *DB) Rebind(query string) string                                    { return query }
func (db *DB) Beginx() (*Tx, error)                                          { return nil, nil }
func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error { return nil }
func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result         { return nil }

func In(query string, args ...interface{}) (string, []interface{}, error) { return query, args, nil }
func Get(q interface{}, dest interface{}, query string, args ...interface{}) error {
	return nil
}
