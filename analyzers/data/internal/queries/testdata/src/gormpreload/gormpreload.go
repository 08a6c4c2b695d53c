// Package gormpreload preloads gorm associations: Preload("Contacts")
// reads the associated model's table in a query of its own.
package gormpreload

import "gorm.io/gorm"

type Company struct {
	ID       uint
	Name     string
	Contacts []Contact
	Owner    *Person
	Tags     []Tag `gorm:"many2many:company_tags"`
}

type Contact struct {
	ID        uint
	CompanyID uint
	AddressID uint
	Address   Address
}

type Address struct {
	ID   uint
	City string
}

type Person struct {
	ID   uint
	Name string
}

type Tag struct { // want Tag:"table labels"
	ID   uint
	Name string
}

func (Tag) TableName() string { return "labels" }

func List(db *gorm.DB, association string) {
	var cs []Company
	db.Preload("Contacts").Find(&cs)                          // companies and contacts
	db.Preload("Contacts.Address").Preload("Owner").Find(&cs) // companies, contacts, addresses and people
	db.Model(&Company{}).Preload("Tags").First(&cs)           // companies, labels and the join table company_tags
	db.Preload("Name").Find(&cs)                              // companies only: Name is a column
	db.Preload("Deals").Find(&cs)                             // companies only: Company has no Deals
	db.Preload("Contacts.Phones").Find(&cs)                   // companies only: Contact has no Phones
	db.Preload(association).Find(&cs)                         // companies only: named at run time
	db.Preload("Contacts").Create(&Company{})                 // companies only: a write preloads nothing
	var n int64
	db.Model(&Company{}).Preload("Contacts").Count(&n) // companies only: Count preloads nothing
}
