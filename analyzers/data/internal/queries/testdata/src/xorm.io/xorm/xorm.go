// Package xorm is a stub of xorm.io/xorm for tests.
package xorm

type Engine struct{}
type Session struct{}

func (e *Engine) Table(tableNameOrBean interface{}) *Session              { return nil }
func (e *Engine) Where(query interface{}, args ...interface{}) *Session   { return nil }
func (e *Engine) Get(beans ...interface{}) (bool, error)                  { return false, nil }
func (e *Engine) Find(beans interface{}, condiBeans ...interface{}) error { return nil }
func (e *Engine) Insert(beans ...interface{}) (int64, error)              { return 0, nil }
func (e *Engine) Sync(beans ...interface{}) error                         { return nil }
func (e *Engine) Exec(sqlOrArgs ...interface{}) (interface{}, error)      { return nil, nil }
func (e *Engine) SQL(query interface{}, args ...interface{}) *Session     { return nil }
func (s *Session) Where(query interface{}, args ...interface{}) *Session  { return s }
func (s *Session) Find(rowsSlicePtr interface{}, condiBean ...interface{}) error {
	return nil
}
func (s *Session) Update(bean interface{}, condiBean ...interface{}) (int64, error) { return 0, nil }
func (s *Session) Delete(beans ...interface{}) (int64, error)                       { return 0, nil }

func (e *Engine) DropTables(beans ...interface{}) error                               { return nil }
func (s *Session) Join(op string, table interface{}, cond string) *Session            { return s }
func (s *Session) Limit(limit int, start ...int) *Session                             { return s }
func (s *Session) FindAndCount(rows interface{}, conds ...interface{}) (int64, error) { return 0, nil }
