package billing

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"sync"
	"time"
)

// Invoice is data: a row with a helper method. Other components may
// spell it freely.
type Invoice struct {
	ID     int64
	Amount int64
}

// Total is a method: calling it through a value is not a separate site.
func (i *Invoice) Total() int64 { return i.Amount }

// Store is a service: it holds a collaborator (an interface).
type Store struct {
	db io.ReadWriter
}

// Save saves an invoice.
func (s *Store) Save(inv *Invoice) error { return nil }

// Ledger is a service whose collaborator is exported: dependents that
// select it bind to its representation.
type Ledger struct {
	DB    *sql.DB
	Title string `json:"title"`
	mu    sync.Mutex
}

// Statements is a table of prepared statements: every field exported,
// used through its fields by design.
type Statements struct {
	Save *sql.Stmt
	Drop *sql.Stmt
}

// Close closes the statements.
func (s *Statements) Close() error { return nil }

// Settings is a record by its name: others fill it in and read it, a
// logger and a context included.
type Settings struct {
	Log io.Writer
	Ctx context.Context
}

// Apply applies the settings.
func (s *Settings) Apply() {}

// Call is data: a context is the scope of one call, not a collaborator.
type Call struct {
	ctx  context.Context
	Path string
}

// Context returns the request's context.
func (r *Call) Context() context.Context { return r.ctx }

// Book books.
func (l *Ledger) Book() {}

// Scored is an item of a heap.
type Scored interface{ Score() float64 }

// Metric is data: a record that keeps a heap of scored items holds
// interface values, not collaborators.
type Metric struct {
	Name  string
	items []Scored
}

// Top returns the best item.
func (m *Metric) Top() Scored { return m.items[0] }

// Worker has methods but no fields: it holds no state, and replacing
// it later costs nothing. Not a service.
type Worker struct{}

// Run runs.
func (Worker) Run() {}

// Cache is a service: it guards state shared between goroutines.
type Cache struct {
	mu    sync.Mutex
	items map[int64]Invoice
}

// Get reads the cache.
func (c *Cache) Get(id int64) Invoice { return c.items[id] }

// Gateway is a service: *http.Client holds collaborators.
type Gateway struct {
	client *http.Client
	base   string
}

// Post posts.
func (g *Gateway) Post() {}

// Statement is data: a time.Time holds no collaborator, and the
// renderer it keeps beside its columns is tagged as not encoded.
type Statement struct {
	At       time.Time  `json:"at"`
	Prev     *time.Time `json:"prev"`
	Renderer *Gateway   `json:"-"`
	Lines    []Invoice  `json:"lines"`
}

// Render renders the statement.
func (s Statement) Render() string { return "" }

// Options is data: a func field, but no methods.
type Options struct {
	OnPaid func(*Invoice)
}

// Receipt is part of Charger's contract: using it is not a concrete
// dependency.
type Receipt struct{ Number string }

// Charger is the interface dependents should use.
type Charger interface {
	Charge(amount int64) (*Receipt, error)
}

// Status is a named non-struct type: not a concrete dependency.
type Status string

// Open is a constant.
const Open Status = "open"

// Charge is a package-level function: calling a function of another
// component is no concrete dependency (a function is no type an
// interface could stand for).
func Charge(amount int64) *Invoice { return &Invoice{Amount: amount} }

// Parse works on interfaces, a callback (not looked into) and data (the
// tagged renderer of Statement is not looked into): over data too.
func Parse(ctx context.Context, r io.Reader, each func(*Store)) (Statement, []Status, error) {
	return Statement{}, nil, nil
}

// Sum is generic over its values: over data.
func Sum[T ~int64](xs []T) T { return 0 }

// NewStore is a constructor: calling it is no concrete dependency; the
// *Store its caller keeps (a field, a parameter) is.
func NewStore(rw io.ReadWriter) *Store { return &Store{db: rw} }

// Flush takes a service of another package (*sql.Tx): calling it does
// not count either.
func Flush(ctx context.Context, tx *sql.Tx) error { return nil }

// Config is data (no methods) that carries a service in an untagged field.
type Config struct {
	Client *http.Client
	Name   string
}

// Deliver takes a service inside a data type: no count.
func Deliver(cfg Config) error { return nil }

// Stores is a named slice of services.
type Stores []*Store

// All returns services behind a named slice: no count.
func All() Stores { return nil }

// Box is a generic service.
type Box[T any] struct {
	V    T
	done chan T
}

// Close closes the box.
func (b *Box[T]) Close() {}
