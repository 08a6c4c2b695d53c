// Package goqu is a stub of github.com/doug-martin/goqu/v9 with the
// signatures the fixture uses.
package goqu

import "context"

type Ex map[string]any
type Record map[string]any

type Expression interface{ Expression() Expression }

type IdentifierExpression interface {
	Expression
	As(alias any) AliasedExpression
	Col(col any) IdentifierExpression
	Eq(v any) Expression
}

type AliasedExpression interface{ Expression }

type JoinCondition interface{}

func T(table string) IdentifierExpression { return nil }
func I(ident string) IdentifierExpression { return nil }
func On(ex ...Expression) JoinCondition   { return nil }

type DialectWrapper struct{}

func Dialect(dialect string) DialectWrapper               { return DialectWrapper{} }
func (d DialectWrapper) From(table ...any) *SelectDataset { return nil }
func (d DialectWrapper) Insert(table any) *InsertDataset  { return nil }
func (d DialectWrapper) Update(table any) *UpdateDataset  { return nil }
func (d DialectWrapper) Delete(table any) *DeleteDataset  { return nil }

type Database struct{}

func (d *Database) From(from ...any) *SelectDataset { return nil }
func (d *Database) Insert(table any) *InsertDataset { return nil }

type SelectDataset struct{}

func (d *SelectDataset) Join(table Expression, cond JoinCondition) *SelectDataset { return d }
func (d *SelectDataset) Where(exps ...Expression) *SelectDataset                  { return d }
func (d *SelectDataset) ToSQL() (string, []any, error)                            { return "", nil, nil }
func (d *SelectDataset) ScanStructsContext(ctx context.Context, i any) error      { return nil }

type InsertDataset struct{}

func (d *InsertDataset) Rows(rows ...any) *InsertDataset { return d }
func (d *InsertDataset) ToSQL() (string, []any, error)   { return "", nil, nil }

type UpdateDataset struct{}

func (d *UpdateDataset) Set(values any) *UpdateDataset           { return d }
func (d *UpdateDataset) Where(exps ...Expression) *UpdateDataset { return d }
func (d *UpdateDataset) ToSQL() (string, []any, error)           { return "", nil, nil }

type DeleteDataset struct{}

func (d *DeleteDataset) Where(exps ...Expression) *DeleteDataset { return d }
func (d *DeleteDataset) ToSQL() (string, []any, error)           { return "", nil, nil }

func (e Ex) Expression() Expression { return e }
