// Package refunds gives customers their money back for an order: it records
// the refund, voids the invoice, corrects the customer's balance and the
// ledger, and marks the order refunded.
package refunds
