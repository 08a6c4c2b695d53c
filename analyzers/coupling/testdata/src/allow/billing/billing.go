package billing

import "allow/store" // billing may depend on store

// Service bills.
type Service interface{ Bill(db store.DB) }
