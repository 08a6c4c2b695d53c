// Package squirrel is a stub of github.com/Masterminds/squirrel for tests.
package squirrel

type SelectBuilder struct{}
type InsertBuilder struct{}
type UpdateBuilder struct{}
type DeleteBuilder struct{}
type Eq map[string]interface{}

func Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func Insert(into string) InsertBuilder       { return InsertBuilder{} }
func Update(table string) UpdateBuilder      { return UpdateBuilder{} }
func Delete(from string) DeleteBuilder       { return DeleteBuilder{} }

func (b SelectBuilder) From(from string) SelectBuilder                            { return b }
func (b SelectBuilder) Prefix(sql string, args ...interface{}) SelectBuilder      { return b }
func (b SelectBuilder) Join(join string, rest ...interface{}) SelectBuilder       { return b }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder { return b }
func (b SelectBuilder) ToSql() (string, []interface{}, error)                     { return "", nil, nil }
func (b InsertBuilder) Columns(columns ...string) InsertBuilder                   { return b }
func (b InsertBuilder) Values(values ...interface{}) InsertBuilder                { return b }
func (b UpdateBuilder) Set(column string, value interface{}) UpdateBuilder        { return b }
func (b UpdateBuilder) Where(pred interface{}, args ...interface{}) UpdateBuilder { return b }
func (b DeleteBuilder) Where(pred interface{}, args ...interface{}) DeleteBuilder { return b }
