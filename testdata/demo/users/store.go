package users

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"example.com/shop/billing"
)

var (
	// ErrNotFound is returned when a customer does not exist.
	ErrNotFound = errors.New("users: customer not found")
	// ErrEmailTaken is returned when signing up with an email already in use.
	ErrEmailTaken = errors.New("users: email already registered")
)

// Customer is a registered shop customer.
type Customer struct {
	ID             int64     `json:"id"`
	Email          string    `json:"email"`
	FullName       string    `json:"full_name"`
	Phone          string    `json:"phone"`
	Street         string    `json:"street"`
	City           string    `json:"city"`
	PostalCode     string    `json:"postal_code"`
	Country        string    `json:"country"`
	Currency       string    `json:"currency"`
	MarketingOptIn bool      `json:"marketing_opt_in"`
	CreatedAt      time.Time `json:"created_at"`
}

// Store reads and writes customers.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store backed by db.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

// Get returns a customer by ID.
func (s *Store) Get(ctx context.Context, id int64) (*Customer, error) {
	var c Customer
	err := s.db.QueryRowContext(ctx, `
		SELECT id, email, full_name, phone, street, city, postal_code, country,
		       currency, marketing_opt_in, created_at
		FROM customers WHERE id = $1`, id).Scan(
		&c.ID, &c.Email, &c.FullName, &c.Phone, &c.Street, &c.City, &c.PostalCode, &c.Country,
		&c.Currency, &c.MarketingOptIn, &c.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("users: get customer %d: %w", id, err)
	}
	return &c, nil
}

// Create signs up a new customer. Email addresses are stored lower-case.
func (s *Store) Create(ctx context.Context, email, fullName, phone string, optIn bool) (*Customer, error) {
	c := &Customer{
		Email:          strings.ToLower(strings.TrimSpace(email)),
		FullName:       fullName,
		Phone:          phone,
		Currency:       billing.DefaultCurrency,
		MarketingOptIn: optIn,
	}
	var exists bool
	if err := s.db.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM customers WHERE email = $1)`, c.Email).Scan(&exists); err != nil {
		return nil, fmt.Errorf("users: check email: %w", err)
	}
	if exists {
		return nil, ErrEmailTaken
	}
	err := s.db.QueryRowContext(ctx, `
		INSERT INTO customers (email, full_name, phone, currency, marketing_opt_in)
		VALUES ($1, $2, $3, $4, $5)
		RETURNING id, created_at`,
		c.Email, c.FullName, c.Phone, c.Currency, c.MarketingOptIn).Scan(&c.ID, &c.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("users: insert customer: %w", err)
	}
	return c, nil
}

// Address is a customer's postal address.
type Address struct {
	Street     string `json:"street"`
	City       string `json:"city"`
	PostalCode string `json:"postal_code"`
	Country    string `json:"country"`
}

// UpdateAddress replaces a customer's postal address.
func (s *Store) UpdateAddress(ctx context.Context, id int64, a Address) error {
	res, err := s.db.ExecContext(ctx, `
		UPDATE customers
		SET street = $1, city = $2, postal_code = $3, country = $4, updated_at = now()
		WHERE id = $5`,
		a.Street, a.City, a.PostalCode, strings.ToUpper(a.Country), id)
	if err != nil {
		return fmt.Errorf("users: update address of %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}
