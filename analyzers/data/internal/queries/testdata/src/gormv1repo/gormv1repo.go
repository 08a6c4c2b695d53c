// Package gormv1repo uses GORM 1 (github.com/jinzhu/gorm), as code
// written before gorm.io does.
package gormv1repo

import "github.com/jinzhu/gorm"

type Application struct {
	gorm.Model
	Token string `gorm:"type:varchar(180);unique_index"`
	Name  string
}

type Message struct {
	ID            uint
	ApplicationID uint
	Body          string
}

type Repo struct{ db *gorm.DB }

func (r *Repo) Apps() ([]Application, error) {
	var apps []Application
	err := r.db.Where("name = ?", "x").Find(&apps).Error
	return apps, err
}

func (r *Repo) Post(m *Message) error {
	return r.db.Create(m).Error
}

func (r *Repo) Rename(id uint, name string) error {
	return r.db.Model(&Application{}).Where("id = ?", id).Update("name", name).Error
}

func (r *Repo) Stats() error {
	var n int
	r.db.Table("legacy_stats").Count(&n)
	return r.db.Raw("SELECT count(*) FROM messages").Scan(&n).Error
}

func (r *Repo) Migrate() error {
	r.db.Model(&Application{}).AddIndex("idx_token", "token")
	r.db.Model(&Application{}).DropColumn("legacy_secret") // a column of the model's table, not a table
	r.db.Table("legacy_stats").ModifyColumn("total", "bigint")
	r.db.Table("legacy_apps").Model(&Application{}).DropColumn("secret") // Table wins over Model
	r.db.DropTableIfExists(&Message{})
	return r.db.AutoMigrate(&Application{}, &Message{}).Error
}
