package orders

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"example.com/shop/billing"
	"example.com/shop/billing/ledger"
	"example.com/shop/catalog"
	"example.com/shop/platform/db"
)

// recentOrdersLimit caps how many orders ListForCustomer returns.
const recentOrdersLimit = 20

// Line is a requested order line.
type Line struct {
	ProductID int64 `json:"product_id"`
	Quantity  int   `json:"quantity"`
}

// Service places and looks up orders.
type Service struct {
	db       *sql.DB
	store    *Store
	catalog  catalog.Catalog
	invoices *billing.Store
	log      *slog.Logger
}

// NewService returns a Service. Prices are looked up in cat; invoices are
// read back through invoices.
func NewService(sqlDB *sql.DB, cat catalog.Catalog, invoices *billing.Store, log *slog.Logger) *Service {
	return &Service{
		db:       sqlDB,
		store:    NewStore(sqlDB),
		catalog:  cat,
		invoices: invoices,
		log:      log,
	}
}

// Get returns an order with its items and invoice.
func (s *Service) Get(ctx context.Context, id int64) (*Order, error) {
	o, err := s.store.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	inv, err := s.invoices.InvoiceForOrder(ctx, id)
	if err != nil {
		return nil, err
	}
	o.Invoice = inv
	return o, nil
}

// ListForCustomer returns the customer's recent orders, newest first.
func (s *Service) ListForCustomer(ctx context.Context, customerID int64) ([]*Order, error) {
	return s.store.ListByCustomer(ctx, customerID, recentOrdersLimit)
}

// Place creates an order for a customer at current catalogue prices, issues
// its invoice and books the revenue, all in one transaction.
func (s *Service) Place(ctx context.Context, customerID int64, lines []Line) (*Order, error) {
	if len(lines) == 0 {
		return nil, ErrEmptyOrder
	}
	o := &Order{
		CustomerID: customerID,
		Status:     StatusPending,
		Currency:   billing.DefaultCurrency,
	}
	for _, l := range lines {
		if l.Quantity <= 0 {
			return nil, fmt.Errorf("%w: %d of product %d", ErrInvalidQuantity, l.Quantity, l.ProductID)
		}
		p, err := s.catalog.Product(ctx, l.ProductID)
		if err != nil {
			return nil, fmt.Errorf("orders: product %d: %w", l.ProductID, err)
		}
		if p.Currency != o.Currency {
			return nil, fmt.Errorf("orders: product %d is priced in %s, not %s", p.ID, p.Currency, o.Currency)
		}
		o.Items = append(o.Items, Item{
			ProductID:      p.ID,
			Quantity:       l.Quantity,
			UnitPriceCents: p.PriceCents,
		})
		o.TotalCents += p.PriceCents * int64(l.Quantity)
	}

	now := billing.Clock().UTC()
	err := db.WithTx(ctx, s.db, func(tx *sql.Tx) error {
		addr, err := s.store.shippingAddress(ctx, tx, customerID)
		if err != nil {
			return err
		}
		o.ShipTo = addr
		if err := s.store.insert(ctx, tx, o); err != nil {
			return err
		}
		inv, err := billing.Charge(ctx, tx, customerID, o.ID, o.TotalCents, o.Currency)
		if err != nil {
			return fmt.Errorf("orders: charge order %d: %w", o.ID, err)
		}
		o.Invoice = inv
		err = ledger.Record(ctx, tx, ledger.Entry{
			Account:     ledger.AccountRevenue,
			OrderID:     o.ID,
			AmountCents: o.TotalCents,
			Currency:    o.Currency,
			Memo:        fmt.Sprintf("order %d", o.ID),
		})
		if err != nil {
			return err
		}
		return s.store.touchCustomer(ctx, tx, customerID, now)
	})
	if err != nil {
		return nil, err
	}
	s.log.InfoContext(ctx, "order placed",
		"order_id", o.ID, "customer_id", customerID, "total_cents", o.TotalCents, "currency", o.Currency)
	return o, nil
}

// MarkRefunded moves an order to StatusRefunded inside the caller's
// transaction.
func (s *Service) MarkRefunded(ctx context.Context, tx *sql.Tx, id int64) error {
	return s.store.setStatus(ctx, tx, id, StatusRefunded)
}
