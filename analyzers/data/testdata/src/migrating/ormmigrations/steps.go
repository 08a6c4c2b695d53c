// Package migrations versions a gorm schema: its models are snapshots of
// the tables at one version, and the tables it drops are gone.
package migrations

import "gorm.io/gorm"

// user20230611 is the users table as this step left it: the
// application's own model decides what the column holds.
type user20230611 struct {
	ID       int64
	Settings any `gorm:"serializer:json"`
}

func (user20230611) TableName() string { return "users" }

// typesenseSync is a table a later step dropped, with a wide shape.
type typesenseSync struct {
	ID                                 int64
	A1, A2, A3, A4, A5, A6, A7, A8, A9 string
	B1, B2, B3, B4, B5, B6, B7, B8, B9 string
	C1, C2, C3, C4, C5, C6, C7, C8, C9 string
}

func V20230611(db *gorm.DB) error {
	return db.AutoMigrate(&user20230611{}, &typesenseSync{})
}

func V20250101(db *gorm.DB) error {
	return db.Exec(`CREATE TABLE search_index (id INT, a1 TEXT, a2 TEXT, a3 TEXT, a4 TEXT, a5 TEXT, a6 TEXT, a7 TEXT, a8 TEXT,
		a9 TEXT, a10 TEXT, a11 TEXT, a12 TEXT, a13 TEXT, a14 TEXT, a15 TEXT, a16 TEXT, a17 TEXT, a18 TEXT, a19 TEXT, a20 TEXT,
		a21 TEXT, a22 TEXT, a23 TEXT, a24 TEXT, a25 TEXT, a26 TEXT)`).Error
}

func V20260225(db *gorm.DB) error {
	if err := db.Migrator().DropTable("search_index"); err != nil { // the wide table is gone
		return err
	}
	return db.Migrator().DropTable("typesense_syncs")
}
