// Package gorm is a stub of github.com/jinzhu/gorm (GORM 1) for tests.
package gorm

import "time"

type DB struct{ Error error }
type Model struct {
	ID        uint `gorm:"primary_key"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time `sql:"index"`
}

func Open(dialect string, args ...interface{}) (*DB, error)                { return &DB{}, nil }
func (s *DB) Raw(sql string, values ...interface{}) *DB                    { return s }
func (s *DB) Exec(sql string, values ...interface{}) *DB                   { return s }
func (s *DB) Table(name string) *DB                                        { return s }
func (s *DB) Model(value interface{}) *DB                                  { return s }
func (s *DB) Where(query interface{}, args ...interface{}) *DB             { return s }
func (s *DB) Find(out interface{}, where ...interface{}) *DB               { return s }
func (s *DB) First(out interface{}, where ...interface{}) *DB              { return s }
func (s *DB) Scan(dest interface{}) *DB                                    { return s }
func (s *DB) Count(value interface{}) *DB                                  { return s }
func (s *DB) Create(value interface{}) *DB                                 { return s }
func (s *DB) Save(value interface{}) *DB                                   { return s }
func (s *DB) Delete(value interface{}, where ...interface{}) *DB           { return s }
func (s *DB) Update(attrs ...interface{}) *DB                              { return s }
func (s *DB) Updates(values interface{}, ignoreProtectedAttrs ...bool) *DB { return s }
func (s *DB) AutoMigrate(values ...interface{}) *DB                        { return s }
func (s *DB) DropTableIfExists(values ...interface{}) *DB                  { return s }
func (s *DB) AddIndex(indexName string, columns ...string) *DB             { return s }
func (s *DB) DropColumn(column string) *DB                                 { return s }
func (s *DB) ModifyColumn(column string, typ string) *DB                   { return s }
