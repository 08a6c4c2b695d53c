package ledger

// Revenue is an internal detail of billing.
const Revenue = "revenue"

// Record is an internal detail of billing.
func Record(account string, cents int64) error { return nil }
