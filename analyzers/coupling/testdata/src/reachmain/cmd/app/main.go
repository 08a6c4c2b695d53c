package main

import (
	"reachmain/billing/ledger" // want `component cmd reaches into internal package reachmain/billing/ledger of billing \(1 site\); use its public packages`
)

func main() { _ = ledger.Revenue }
