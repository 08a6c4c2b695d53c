// Package models holds gorm models used by another package.
package models

import "gorm.io/gorm"

type Invoice struct { // want Invoice:"table billing_invoices"
	gorm.Model
	Number string `gorm:"uniqueIndex"`
}

func (Invoice) TableName() string { return "billing_invoices" }

type LineItem struct {
	ID        uint
	InvoiceID uint
	Invoice   Invoice `gorm:"foreignKey:InvoiceID"`
	Amount    int64
}
