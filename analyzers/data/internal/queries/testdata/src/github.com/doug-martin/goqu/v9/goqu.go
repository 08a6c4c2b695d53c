// Package goqu is a stub of github.com/doug-martin/goqu/v9 for tests.
package goqu

type SelectDataset struct{}
type InsertDataset struct{}
type IdentifierExpression struct{}
type LiteralExpression struct{}
type AliasedExpression struct{}
type JoinCondition struct{}
type Database struct{}

func From(table ...interface{}) *SelectDataset                                   { return nil }
func Insert(table interface{}) *InsertDataset                                    { return nil }
func T(table string) IdentifierExpression                                        { return IdentifierExpression{} }
func I(ident string) IdentifierExpression                                        { return IdentifierExpression{} }
func L(sql string, args ...interface{}) LiteralExpression                        { return LiteralExpression{} }
func On(ex ...interface{}) JoinCondition                                         { return JoinCondition{} }
func (i IdentifierExpression) As(alias interface{}) AliasedExpression            { return AliasedExpression{} }
func (l LiteralExpression) As(alias interface{}) AliasedExpression               { return AliasedExpression{} }
func (d *SelectDataset) Join(table interface{}, on JoinCondition) *SelectDataset { return d }
func (d *Database) From(from ...interface{}) *SelectDataset                      { return nil }
func (d *SelectDataset) Where(exps ...interface{}) *SelectDataset                { return d }
func (d *SelectDataset) ToSQL() (string, []interface{}, error)                   { return "", nil, nil }
