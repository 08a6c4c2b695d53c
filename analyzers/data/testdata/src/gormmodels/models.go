// Package gormmodels maps tables with gorm.
package gormmodels

import (
	"encoding/json"

	"gorm.io/gorm"
)

type Product struct {
	gorm.Model
	Name   string
	Attrs  json.RawMessage     // want `field Attrs maps column products.attrs as a json bag: its fields are a schema nobody declares`
	Tags   []string            `gorm:"serializer:json"`     // a typed list: the Go type declares it
	Meta   string              `gorm:"type:jsonb;not null"` // want `field Meta maps column products.meta as a jsonb bag: its fields are a schema nobody declares`
	Notes  string              `gorm:"type:text"`
	Icon   []byte              `gorm:"type:bytea"`      // opaque bytes
	Specs  Specs               `gorm:"serializer:json"` // a struct declares its fields
	Extra  map[string]any      `gorm:"serializer:json"` // want `field Extra maps column products.extra as a json bag: its fields are a schema nobody declares`
	Raw    []byte              `gorm:"type:jsonb"`      // want `field Raw maps column products.raw as a jsonb bag: its fields are a schema nobody declares`
	Any    any                 `gorm:"serializer:json"` // want `field Any maps column products.any as a json bag: its fields are a schema nobody declares`
	Attrs2 map[string][]string `gorm:"serializer:json"` // typed values
}

// Specs are a product's measured specifications.
type Specs struct {
	Width, Height int
}

type Customer struct { // want `model Customer maps table crm_customers with 26 columns, more than 25`
	ID                                 uint
	A1, A2, A3, A4, A5, A6, A7, A8, A9 string
	B1, B2, B3, B4, B5, B6, B7, B8, B9 string
	C1, C2, C3, C4, C5, C6, C7         string
	Orders                             []Order `gorm:"foreignKey:CustomerID"`
}

func (Customer) TableName() string { return "crm_customers" }

type Order struct {
	ID         uint
	CustomerID uint
}

func Migrate(db *gorm.DB) error {
	return db.AutoMigrate(&Product{}, &Customer{}) // want `application code issues orm schema migration for crm_customers, products`
}

func Recent(db *gorm.DB) ([]Order, error) {
	var os []Order
	err := db.Where("id > ?", 10).Find(&os).Error
	return os, err
}
