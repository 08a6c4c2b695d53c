package ledger

// Revenue is an account.
const Revenue = "revenue"
