// Package goqu is a stub of github.com/doug-martin/goqu/v9 for tests.
package goqu

type SelectDataset struct{}
type InsertDataset struct{}
type IdentifierExpression struct{}
type Database struct{}

func From(table ...interface{}) *SelectDataset                    { return nil }
func Insert(table interface{}) *InsertDataset                     { return nil }
func T(table string) IdentifierExpression                         { return IdentifierExpression{} }
func (d *Database) From(from ...interface{}) *SelectDataset       { return nil }
func (d *SelectDataset) Where(exps ...interface{}) *SelectDataset { return d }
func (d *SelectDataset) ToSQL() (string, []interface{}, error)    { return "", nil, nil }
