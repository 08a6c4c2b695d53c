// Package sqlbuilder is a stub of github.com/huandu/go-sqlbuilder for tests.
package sqlbuilder

type Flavor int

const PostgreSQL Flavor = 1

type JoinOption string

const LeftJoin JoinOption = "LEFT"

type SelectBuilder struct{}
type InsertBuilder struct{}
type UpdateBuilder struct{}
type DeleteBuilder struct{}
type Struct struct{}

func NewSelectBuilder() *SelectBuilder                                         { return nil }
func NewInsertBuilder() *InsertBuilder                                         { return nil }
func NewUpdateBuilder() *UpdateBuilder                                         { return nil }
func NewDeleteBuilder() *DeleteBuilder                                         { return nil }
func (f Flavor) NewSelectBuilder() *SelectBuilder                              { return nil }
func Select(col ...string) *SelectBuilder                                      { return nil }
func InsertInto(table string) *InsertBuilder                                   { return nil }
func NewStruct(v interface{}) *Struct                                          { return nil }
func (s *Struct) InsertInto(table string, value ...interface{}) *InsertBuilder { return nil }

func (sb *SelectBuilder) Select(col ...string) *SelectBuilder                { return sb }
func (sb *SelectBuilder) From(table ...string) *SelectBuilder                { return sb }
func (sb *SelectBuilder) Join(table string, onExpr ...string) *SelectBuilder { return sb }
func (sb *SelectBuilder) JoinWithOption(option JoinOption, table string, onExpr ...string) *SelectBuilder {
	return sb
}
func (sb *SelectBuilder) Where(expr ...string) *SelectBuilder          { return sb }
func (sb *SelectBuilder) Equal(field string, value interface{}) string { return "" }
func (sb *SelectBuilder) Build() (string, []interface{})               { return "", nil }
func (ib *InsertBuilder) InsertInto(table string) *InsertBuilder       { return ib }
func (ib *InsertBuilder) Cols(col ...string) *InsertBuilder            { return ib }
func (ub *UpdateBuilder) Update(table ...string) *UpdateBuilder        { return ub }
func (db *DeleteBuilder) DeleteFrom(table ...string) *DeleteBuilder    { return db }
