// Package squirrel is a stub of github.com/Masterminds/squirrel with the
// signatures the fixture uses.
package squirrel

type PlaceholderFormat interface {
	ReplacePlaceholders(sql string) (string, error)
}

var Dollar PlaceholderFormat

type Eq map[string]any

type StatementBuilderType struct{}

var StatementBuilder StatementBuilderType

func (b StatementBuilderType) PlaceholderFormat(f PlaceholderFormat) StatementBuilderType { return b }
func (b StatementBuilderType) Select(columns ...string) SelectBuilder                     { return SelectBuilder{} }
func (b StatementBuilderType) Insert(into string) InsertBuilder                           { return InsertBuilder{} }
func (b StatementBuilderType) Update(table string) UpdateBuilder                          { return UpdateBuilder{} }
func (b StatementBuilderType) Delete(from string) DeleteBuilder                           { return DeleteBuilder{} }

type SelectBuilder struct{}
type InsertBuilder struct{}
type UpdateBuilder struct{}
type DeleteBuilder struct{}

func Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func Insert(into string) InsertBuilder       { return InsertBuilder{} }

func (b SelectBuilder) From(from string) SelectBuilder                  { return b }
func (b SelectBuilder) Join(join string, rest ...any) SelectBuilder     { return b }
func (b SelectBuilder) LeftJoin(join string, rest ...any) SelectBuilder { return b }
func (b SelectBuilder) Where(pred any, args ...any) SelectBuilder       { return b }
func (b SelectBuilder) OrderBy(orderBys ...string) SelectBuilder        { return b }
func (b SelectBuilder) ToSql() (string, []any, error)                   { return "", nil, nil }
func (b InsertBuilder) Columns(columns ...string) InsertBuilder         { return b }
func (b InsertBuilder) Values(values ...any) InsertBuilder              { return b }
func (b InsertBuilder) ToSql() (string, []any, error)                   { return "", nil, nil }
func (b UpdateBuilder) Set(column string, value any) UpdateBuilder      { return b }
func (b UpdateBuilder) Where(pred any, args ...any) UpdateBuilder       { return b }
func (b UpdateBuilder) ToSql() (string, []any, error)                   { return "", nil, nil }
func (b DeleteBuilder) Where(pred any, args ...any) DeleteBuilder       { return b }
func (b DeleteBuilder) ToSql() (string, []any, error)                   { return "", nil, nil }
