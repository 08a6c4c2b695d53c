// Package sqlbuilder is a stub of github.com/huandu/go-sqlbuilder with the
// signatures the fixture uses.
package sqlbuilder

type Flavor int

const PostgreSQL Flavor = 1

type JoinOption string

const LeftJoin JoinOption = "LEFT"

type Cond struct{}

func (c *Cond) Equal(field string, value any) string { return "" }

type SelectBuilder struct{ Cond }
type InsertBuilder struct{}
type UpdateBuilder struct{ Cond }
type DeleteBuilder struct{ Cond }
type Struct struct{}

func (f Flavor) NewSelectBuilder() *SelectBuilder { return nil }
func (f Flavor) NewInsertBuilder() *InsertBuilder { return nil }
func NewUpdateBuilder() *UpdateBuilder            { return nil }
func NewDeleteBuilder() *DeleteBuilder            { return nil }
func NewStruct(structValue any) *Struct           { return nil }

func (s *Struct) For(flavor Flavor) *Struct                            { return s }
func (s *Struct) SelectFrom(table string) *SelectBuilder               { return nil }
func (s *Struct) Update(table string, value any) *UpdateBuilder        { return nil }
func (s *Struct) InsertInto(table string, value ...any) *InsertBuilder { return nil }

func (sb *SelectBuilder) Select(col ...string) *SelectBuilder                { return sb }
func (sb *SelectBuilder) From(table ...string) *SelectBuilder                { return sb }
func (sb *SelectBuilder) Join(table string, onExpr ...string) *SelectBuilder { return sb }
func (sb *SelectBuilder) JoinWithOption(option JoinOption, table string, onExpr ...string) *SelectBuilder {
	return sb
}
func (sb *SelectBuilder) Where(andExpr ...string) *SelectBuilder { return sb }
func (sb *SelectBuilder) Build() (string, []any)                 { return "", nil }

func (ib *InsertBuilder) InsertInto(table string) *InsertBuilder { return ib }
func (ib *InsertBuilder) Cols(col ...string) *InsertBuilder      { return ib }
func (ib *InsertBuilder) Values(value ...any) *InsertBuilder     { return ib }
func (ib *InsertBuilder) Build() (string, []any)                 { return "", nil }

func (ub *UpdateBuilder) Update(table ...string) *UpdateBuilder   { return ub }
func (ub *UpdateBuilder) Set(assignment ...string) *UpdateBuilder { return ub }
func (ub *UpdateBuilder) Assign(field string, value any) string   { return "" }
func (ub *UpdateBuilder) Where(andExpr ...string) *UpdateBuilder  { return ub }
func (ub *UpdateBuilder) Build() (string, []any)                  { return "", nil }

func (db *DeleteBuilder) DeleteFrom(table ...string) *DeleteBuilder { return db }
func (db *DeleteBuilder) Where(andExpr ...string) *DeleteBuilder    { return db }
func (db *DeleteBuilder) Build() (string, []any)                    { return "", nil }
