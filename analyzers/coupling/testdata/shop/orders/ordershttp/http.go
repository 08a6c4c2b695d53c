package ordershttp

import "example.com/shop/billing"

// Render formats an invoice.
func Render(inv *billing.Invoice) string { return "" } // want `component orders depends on concrete billing\.Invoice of billing: 1 param \(1 site\)`
