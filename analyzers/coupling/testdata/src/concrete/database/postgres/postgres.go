// Package postgres is a database client: a service holding its pool.
package postgres

import (
	"database/sql"
	"sync"
)

// Postgres holds the connection pool.
type Postgres struct {
	DB *sql.DB
	mu sync.Mutex
}

// New connects.
func New() *Postgres { return &Postgres{} }

// Close closes the pool.
func (p *Postgres) Close() error { return p.DB.Close() }
