// Package db holds the database helpers shared by the shop components:
// transactions and the start-up schema.
package db
