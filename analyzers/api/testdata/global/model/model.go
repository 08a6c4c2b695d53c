// Package model declares the order type, without any ORM tags.
package model

// Order is an order.
type Order struct {
	ID int `json:"id"`
}
