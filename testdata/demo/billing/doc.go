// Package billing issues invoices for orders and tracks what each customer
// owes. Money movements are recorded in the ledger sub-package; refunds live
// in the refunds sub-package.
package billing
