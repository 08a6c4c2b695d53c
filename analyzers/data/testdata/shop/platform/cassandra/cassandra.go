// Package cassandra wraps the Cassandra driver behind an interface, as
// services do to test without a cluster.
package cassandra

// Session runs CQL statements.
type Session interface {
	Query(stmt string, values ...any) Query
}

// Query is a statement ready to run.
type Query interface {
	Exec() error
}
