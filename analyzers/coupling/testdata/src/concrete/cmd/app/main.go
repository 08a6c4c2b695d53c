package main

import "concrete/billing"

// The composition root may use concrete types (ignore-main).
func main() {
	var s billing.Store
	_ = s
	_ = billing.Charge(1)
}
