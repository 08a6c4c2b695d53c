// Package gorm is a stub of gorm.io/gorm with the signatures the fixture
// uses.
package gorm

import "time"

type DeletedAt struct{ Time time.Time }

type Model struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt DeletedAt `gorm:"index"`
}

type Migrator interface {
	CreateTable(dst ...any) error
	DropTable(dst ...any) error
}

type DB struct{ Error error }

func (db *DB) Raw(sql string, values ...any) *DB        { return db }
func (db *DB) Exec(sql string, values ...any) *DB       { return db }
func (db *DB) Table(name string, args ...any) *DB       { return db }
func (db *DB) Model(value any) *DB                      { return db }
func (db *DB) Select(query any, args ...any) *DB        { return db }
func (db *DB) Where(query any, args ...any) *DB         { return db }
func (db *DB) Group(name string) *DB                    { return db }
func (db *DB) Order(value any) *DB                      { return db }
func (db *DB) Joins(query string, args ...any) *DB      { return db }
func (db *DB) Preload(query string, args ...any) *DB    { return db }
func (db *DB) Find(dest any, conds ...any) *DB          { return db }
func (db *DB) First(dest any, conds ...any) *DB         { return db }
func (db *DB) Scan(dest any) *DB                        { return db }
func (db *DB) Count(count *int64) *DB                   { return db }
func (db *DB) Create(value any) *DB                     { return db }
func (db *DB) Save(value any) *DB                       { return db }
func (db *DB) Delete(value any, conds ...any) *DB       { return db }
func (db *DB) Update(column string, value any) *DB      { return db }
func (db *DB) FirstOrCreate(dest any, conds ...any) *DB { return db }
func (db *DB) Transaction(fc func(tx *DB) error) error  { return nil }
func (db *DB) AutoMigrate(dst ...any) error             { return nil }
func (db *DB) Migrator() Migrator                       { return nil }
