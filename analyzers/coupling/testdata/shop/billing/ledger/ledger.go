package ledger

// Record appends to the ledger; an internal detail of billing.
func Record(account string, cents int64) error { return nil }
