// Package bun is a stub of github.com/uptrace/bun for tests.
package bun

import (
	"context"
	"database/sql"
)

type BaseModel struct{}
type Ident string
type DB struct{ *sql.DB }
type SelectQuery struct{}
type InsertQuery struct{}
type UpdateQuery struct{}
type DeleteQuery struct{}
type CreateTableQuery struct{}
type RawQuery struct{}

func (db *DB) NewSelect() *SelectQuery                            { return nil }
func (db *DB) NewInsert() *InsertQuery                            { return nil }
func (db *DB) NewUpdate() *UpdateQuery                            { return nil }
func (db *DB) NewDelete() *DeleteQuery                            { return nil }
func (db *DB) NewCreateTable() *CreateTableQuery                  { return nil }
func (db *DB) NewRaw(query string, args ...interface{}) *RawQuery { return nil }
func (db *DB) ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error) {
	return nil, nil
}

func (q *SelectQuery) Model(model interface{}) *SelectQuery                 { return q }
func (q *SelectQuery) Table(tables ...string) *SelectQuery                  { return q }
func (q *SelectQuery) Join(join string, args ...interface{}) *SelectQuery   { return q }
func (q *SelectQuery) Where(query string, args ...interface{}) *SelectQuery { return q }
func (q *SelectQuery) Scan(ctx context.Context, dest ...interface{}) error  { return nil }
func (q *SelectQuery) Count(ctx context.Context) (int, error)               { return 0, nil }
func (q *InsertQuery) Model(model interface{}) *InsertQuery                 { return q }
func (q *InsertQuery) Exec(ctx context.Context, dest ...interface{}) (sql.Result, error) {
	return nil, nil
}
func (q *UpdateQuery) Model(model interface{}) *UpdateQuery                 { return q }
func (q *UpdateQuery) Where(query string, args ...interface{}) *UpdateQuery { return q }
func (q *UpdateQuery) Exec(ctx context.Context, dest ...interface{}) (sql.Result, error) {
	return nil, nil
}
func (q *DeleteQuery) Model(model interface{}) *DeleteQuery                 { return q }
func (q *DeleteQuery) Where(query string, args ...interface{}) *DeleteQuery { return q }
func (q *DeleteQuery) Exec(ctx context.Context, dest ...interface{}) (sql.Result, error) {
	return nil, nil
}
func (q *CreateTableQuery) Model(model interface{}) *CreateTableQuery { return q }
func (q *CreateTableQuery) IfNotExists() *CreateTableQuery            { return q }
func (q *CreateTableQuery) Exec(ctx context.Context, dest ...interface{}) (sql.Result, error) {
	return nil, nil
}
func (q *RawQuery) Scan(ctx context.Context, dest ...interface{}) error { return nil }
