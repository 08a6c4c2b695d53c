package main

import "globals/billing"

func main() {
	billing.DefaultCurrency = "USD" // want `component cmd writes exported variable billing\.DefaultCurrency of billing, hidden shared state \(1 site\)`
}
