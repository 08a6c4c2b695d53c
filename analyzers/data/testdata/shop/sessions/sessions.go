// Package sessions keeps shopping sessions in Cassandra: its orders
// table is not the SQL database's orders table, though it has the name.
package sessions

import "example.com/shop/platform/cassandra"

func Save(s cassandra.Session, id string) error {
	return s.Query(`INSERT INTO orders (session_id, state) VALUES (?, ?)`, id, "open").Exec()
}

func Forget(s cassandra.Session, id string) error {
	return s.Query(`DELETE FROM orders WHERE session_id = ?`, id).Exec()
}
