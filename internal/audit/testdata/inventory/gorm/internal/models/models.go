// Package models holds the CRM's gorm models.
package models

import (
	"time"

	"gorm.io/gorm"
)

// Company maps to companies by gorm's naming convention.
type Company struct {
	gorm.Model
	Name     string
	Contacts []Contact
}

// Contact maps to contacts.
type Contact struct {
	ID        uint
	CompanyID uint
	FullName  string `gorm:"column:full_name"`
	Email     string `gorm:"uniqueIndex"`
}

// Person maps to people: gorm's inflection knows the irregular plural.
type Person struct {
	ID   uint
	Name string
}

// Deal names its table.
type Deal struct {
	ID        uint
	Amount    int64
	Company   Company `gorm:"foreignKey:CompanyID"`
	CompanyID uint
}

// TableName maps Deal to crm_deals.
func (Deal) TableName() string { return "crm_deals" }

// ActivityLog maps to activity_logs.
type ActivityLog struct {
	ID        uint
	ContactID uint
	At        time.Time
	Note      string
}
