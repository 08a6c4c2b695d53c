package main

import (
	"os"

	"globals/billing"
)

var currency = "USD" // set with -ldflags -X main.currency=...

func main() {
	billing.DefaultCurrency = "USD"      // build information: not shared state
	billing.DefaultCurrency = currency   // build information too
	billing.Region = os.Getenv("REGION") // want `component cmd writes exported variable billing\.Region of billing, hidden shared state \(1 site\)`
	billing.Limits.Max = 5               // want `component cmd writes exported variable billing\.Limits of billing, hidden shared state \(1 site\)`
}
