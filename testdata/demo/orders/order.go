package orders

import (
	"errors"
	"time"

	"example.com/shop/billing"
)

// Status is the lifecycle state of an order.
type Status string

// Order statuses.
const (
	StatusPending   Status = "pending"
	StatusPaid      Status = "paid"
	StatusShipped   Status = "shipped"
	StatusRefunded  Status = "refunded"
	StatusCancelled Status = "cancelled"
)

var (
	// ErrNotFound is returned when an order does not exist.
	ErrNotFound = errors.New("orders: order not found")
	// ErrEmptyOrder is returned when an order has no lines.
	ErrEmptyOrder = errors.New("orders: order has no lines")
	// ErrInvalidQuantity is returned for a line with a non-positive quantity.
	ErrInvalidQuantity = errors.New("orders: invalid quantity")
)

// Address is where an order is shipped.
type Address struct {
	Name       string `json:"name"`
	Street     string `json:"street"`
	City       string `json:"city"`
	PostalCode string `json:"postal_code"`
	Country    string `json:"country"`
}

// Item is one line of an order.
type Item struct {
	ID             int64 `json:"id"`
	OrderID        int64 `json:"order_id"`
	ProductID      int64 `json:"product_id"`
	Quantity       int   `json:"quantity"`
	UnitPriceCents int64 `json:"unit_price_cents"`
}

// Order is a customer's purchase.
type Order struct {
	ID         int64            `json:"id"`
	CustomerID int64            `json:"customer_id"`
	Status     Status           `json:"status"`
	TotalCents int64            `json:"total_cents"`
	Currency   string           `json:"currency"`
	ShipTo     Address          `json:"ship_to"`
	Items      []Item           `json:"items,omitempty"`
	Invoice    *billing.Invoice `json:"invoice,omitempty"`
	CreatedAt  time.Time        `json:"created_at"`
}

// Refundable reports whether the order can still be refunded.
func (o *Order) Refundable() bool {
	return o.Status == StatusPending || o.Status == StatusPaid || o.Status == StatusShipped
}
