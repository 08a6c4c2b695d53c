package main

import (
	"example.com/shop/billing"
	"example.com/shop/billing/refunds" // want `component cmd reaches into internal package example\.com/shop/billing/refunds of billing \(1 site\); use its public packages`
	"example.com/shop/orders"
	"example.com/shop/web"
)

func main() {
	billing.DefaultCurrency = "USD" // want `component cmd writes exported variable billing\.DefaultCurrency of billing, hidden shared state \(1 site\)`
	s := &web.Server{Orders: new(orders.Service).Get}
	_ = s
	var r refunds.Service
	_ = r.Refund(1)
}
