package web

import (
	"database/sql"

	"example.com/shop/billing"
	"example.com/shop/catalog"
	"example.com/shop/orders"
	"example.com/shop/platform/db" // platform is a directory, not a declared component: not reported
)

// Server serves pages; it reaches catalog through its interface only.
type Server struct {
	Catalog catalog.Catalog
	Orders  func(id int64) *orders.Order // data: not a concrete dependency
	Placer  *orders.Service              // want `component web depends on concrete orders\.Service of orders: 1 field \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
	DB      *sql.DB
}

// Price formats a price.
func (s *Server) Price(cents int64) int64 {
	_ = billing.Version
	_ = billing.Region                  // no write in this package: reported by the audit only
	_ = billing.Mode                    // written by billing/refunds: reported by the audit only
	_ = billing.Default                 // want `component web reads exported variable billing\.Default of billing, hidden shared state \(1 site\)`
	_ = billing.Hooks                   // want `component web reads exported variable billing\.Hooks of billing, hidden shared state \(1 site\)`
	return billing.Rates["EUR"] * cents // want `component web reads exported variable billing\.Rates of billing, hidden shared state \(1 site\)`
}

// Ready reports whether the database answers.
func (s *Server) Ready() bool {
	_ = db.DSN("localhost", 5432) // a function: no concrete dependency
	return db.Ping(s.DB) == nil   // a function taking a service: no concrete dependency either
}
