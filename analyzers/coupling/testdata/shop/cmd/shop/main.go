package main

import (
	"os"

	"example.com/shop/billing"
	"example.com/shop/billing/refunds" // the composition root wires internals (ignore-main)
	"example.com/shop/orders"
	"example.com/shop/web"
)

var version = "dev" // set with -ldflags -X main.version=...

func main() {
	billing.Version = version
	billing.Region = os.Getenv("REGION") // want `component cmd writes exported variable billing\.Region of billing, hidden shared state \(1 site\)`
	billing.Rates["USD"] = 110           // want `component cmd writes exported variable billing\.Rates of billing, hidden shared state \(1 site\)`
	s := &web.Server{Orders: new(orders.Service).Get}
	_ = s
	var r refunds.Service
	_ = r.Refund(1)
}
