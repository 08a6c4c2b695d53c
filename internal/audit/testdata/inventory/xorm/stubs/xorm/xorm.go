// Package xorm is a stub of xorm.io/xorm with the signatures the fixture
// uses.
package xorm

type Engine struct{}

func (e *Engine) NewSession() *Session                    { return nil }
func (e *Engine) Table(tableNameOrBean any) *Session      { return nil }
func (e *Engine) Where(query any, args ...any) *Session   { return nil }
func (e *Engine) ID(id any) *Session                      { return nil }
func (e *Engine) SQL(query any, args ...any) *Session     { return nil }
func (e *Engine) Get(beans ...any) (bool, error)          { return false, nil }
func (e *Engine) Find(beans any, condiBeans ...any) error { return nil }
func (e *Engine) Insert(beans ...any) (int64, error)      { return 0, nil }
func (e *Engine) Exec(sqlOrArgs ...any) (any, error)      { return nil, nil }
func (e *Engine) Sync(beans ...any) error                 { return nil }

type Session struct{}

func (s *Session) Close() error                                     { return nil }
func (s *Session) Begin() error                                     { return nil }
func (s *Session) Commit() error                                    { return nil }
func (s *Session) Rollback() error                                  { return nil }
func (s *Session) Where(query any, args ...any) *Session            { return s }
func (s *Session) Cols(columns ...string) *Session                  { return s }
func (s *Session) Get(beans ...any) (bool, error)                   { return false, nil }
func (s *Session) Find(rowsSlicePtr any, condiBean ...any) error    { return nil }
func (s *Session) Count(bean ...any) (int64, error)                 { return 0, nil }
func (s *Session) Insert(beans ...any) (int64, error)               { return 0, nil }
func (s *Session) Update(bean any, condiBean ...any) (int64, error) { return 0, nil }
func (s *Session) Delete(beans ...any) (int64, error)               { return 0, nil }
