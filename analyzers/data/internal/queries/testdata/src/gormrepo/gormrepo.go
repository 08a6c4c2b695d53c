// Package gormrepo uses gorm.
package gormrepo

import (
	"encoding/json"

	"gorm.io/gorm"

	"gormrepo/models"
)

type UserProfile struct {
	ID       uint
	Name     string          `gorm:"column:full_name"`
	Settings json.RawMessage `gorm:"type:jsonb"`
	Secret   string          `gorm:"-"`
}

type Category struct {
	ID   uint
	Name string `gorm:"size:80"`
}

type Repo struct{ db *gorm.DB }

func (r *Repo) Profiles() ([]UserProfile, error) {
	var ps []UserProfile
	err := r.db.Where("name LIKE ?", "a%").Find(&ps).Error
	return ps, err
}

func (r *Repo) ForTeam(team uint) ([]UserProfile, error) {
	var ps []UserProfile
	err := r.db.Joins("JOIN teams ON teams.id = ?", team).Joins("Company").Find(&ps).Error
	return ps, err
}

func (r *Repo) Rename(id uint, name string) error {
	return r.db.Model(&UserProfile{}).Where("id = ?", id).Update("full_name", name).Error
}

func (r *Repo) Invoices() error {
	var is []models.Invoice
	var items []models.LineItem
	r.db.Find(&items)
	return r.db.Find(&is).Error
}

func (r *Repo) Raw() error {
	var n int64
	r.db.Table("legacy_stats s").Count(&n)
	return r.db.Raw("SELECT count(*) FROM categories").Scan(&n).Error
}

func (r *Repo) Migrate() error {
	return r.db.AutoMigrate(&UserProfile{}, &Category{}, &models.Invoice{})
}

func (r *Repo) Drop() error {
	return r.db.Migrator().DropTable(&Category{})
}
