package main

import (
	"reach/billing/ledger" // the composition root wires internals: not reported (ignore-main)
)

func main() { _ = ledger.Revenue }
