// Package gorm is a stub of gorm.io/gorm for tests.
package gorm

import "time"

type DB struct{ Error error }
type Model struct {
	ID        uint
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}
type Migrator interface {
	AutoMigrate(dst ...interface{}) error
	CreateTable(dst ...interface{}) error
	DropTable(dst ...interface{}) error
}

func (db *DB) Raw(sql string, values ...interface{}) *DB          { return db }
func (db *DB) Exec(sql string, values ...interface{}) *DB         { return db }
func (db *DB) Table(name string, args ...interface{}) *DB         { return db }
func (db *DB) Model(value interface{}) *DB                        { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB   { return db }
func (db *DB) Order(value interface{}) *DB                        { return db }
func (db *DB) Joins(query string, args ...interface{}) *DB        { return db }
func (db *DB) Preload(query string, args ...interface{}) *DB      { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) *DB    { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) *DB   { return db }
func (db *DB) Scan(dest interface{}) *DB                          { return db }
func (db *DB) Count(count *int64) *DB                             { return db }
func (db *DB) Create(value interface{}) *DB                       { return db }
func (db *DB) Save(value interface{}) *DB                         { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB { return db }
func (db *DB) Update(column string, value interface{}) *DB        { return db }
func (db *DB) Updates(values interface{}) *DB                     { return db }
func (db *DB) AutoMigrate(dst ...interface{}) error               { return nil }
func (db *DB) Migrator() Migrator                                 { return nil }
