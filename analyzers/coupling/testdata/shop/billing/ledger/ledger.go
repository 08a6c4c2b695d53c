package ledger

import "database/sql"

// Record appends to the ledger in a transaction (a service of database/sql:
// calling Record is a concrete dependency); an internal detail of billing.
func Record(tx *sql.Tx, account string, cents int64) error { return nil }
