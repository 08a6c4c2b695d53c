package api

// Client is public by its package name.
type Client interface{ Invoice(id int64) error }
