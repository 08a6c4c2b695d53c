// Package bun is a stub of github.com/uptrace/bun with the signatures the
// fixture uses.
package bun

import (
	"context"
	"database/sql"
)

type BaseModel struct{}

type DB struct{ *sql.DB }

type SelectQuery struct{}
type InsertQuery struct{}
type UpdateQuery struct{}
type DeleteQuery struct{}
type CreateTableQuery struct{}
type RawQuery struct{}

func (db *DB) NewSelect() *SelectQuery                    { return nil }
func (db *DB) NewInsert() *InsertQuery                    { return nil }
func (db *DB) NewUpdate() *UpdateQuery                    { return nil }
func (db *DB) NewDelete() *DeleteQuery                    { return nil }
func (db *DB) NewCreateTable() *CreateTableQuery          { return nil }
func (db *DB) NewRaw(query string, args ...any) *RawQuery { return nil }
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return nil, nil
}

func (q *SelectQuery) Model(model any) *SelectQuery                      { return q }
func (q *SelectQuery) Table(tables ...string) *SelectQuery               { return q }
func (q *SelectQuery) Column(columns ...string) *SelectQuery             { return q }
func (q *SelectQuery) ColumnExpr(query string, args ...any) *SelectQuery { return q }
func (q *SelectQuery) Join(join string, args ...any) *SelectQuery        { return q }
func (q *SelectQuery) Where(query string, args ...any) *SelectQuery      { return q }
func (q *SelectQuery) Order(orders ...string) *SelectQuery               { return q }
func (q *SelectQuery) Limit(n int) *SelectQuery                          { return q }
func (q *SelectQuery) Scan(ctx context.Context, dest ...any) error       { return nil }

func (q *InsertQuery) Model(model any) *InsertQuery                              { return q }
func (q *InsertQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { return nil, nil }

func (q *UpdateQuery) Model(model any) *UpdateQuery                              { return q }
func (q *UpdateQuery) Column(columns ...string) *UpdateQuery                     { return q }
func (q *UpdateQuery) WherePK(cols ...string) *UpdateQuery                       { return q }
func (q *UpdateQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { return nil, nil }

func (q *DeleteQuery) Model(model any) *DeleteQuery                              { return q }
func (q *DeleteQuery) Where(query string, args ...any) *DeleteQuery              { return q }
func (q *DeleteQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) { return nil, nil }

func (q *CreateTableQuery) Model(model any) *CreateTableQuery { return q }
func (q *CreateTableQuery) IfNotExists() *CreateTableQuery    { return q }
func (q *CreateTableQuery) Exec(ctx context.Context, dest ...any) (sql.Result, error) {
	return nil, nil
}

func (q *RawQuery) Scan(ctx context.Context, dest ...any) error { return nil }
