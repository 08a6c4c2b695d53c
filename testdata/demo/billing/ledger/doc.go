// Package ledger is the append-only record of money movements: revenue when
// an order is placed, and reversals when it is refunded.
package ledger
