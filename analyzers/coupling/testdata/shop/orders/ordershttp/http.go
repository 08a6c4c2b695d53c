package ordershttp

import "example.com/shop/billing"

// Render formats an invoice.
func Render(b *billing.Biller, inv *billing.Invoice) string { return "" } // want `component orders depends on concrete billing\.Biller of billing: 1 param \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
