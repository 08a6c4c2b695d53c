// Package pgconn is a stub for tests.
package pgconn

type CommandTag struct{}
type StatementDescription struct{}
