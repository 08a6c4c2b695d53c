// Command shop runs the online shop HTTP service.
//
// Usage:
//
//	shop -dsn "postgres://shop@localhost/shop" [-addr :8080] [-currency EUR]
//
// Every flag can also be set through a SHOP_* environment variable; see
// package config.
package main
