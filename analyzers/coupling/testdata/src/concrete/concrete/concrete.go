// Package concrete is named as the module: packages whose paths share the
// name only in the module's path are no adapters of it.
package concrete

import (
	"database/sql"
	"sync"
)

// Client holds a pool.
type Client struct {
	DB *sql.DB
	mu sync.Mutex
}

// Close closes the pool.
func (c *Client) Close() error { return c.DB.Close() }
