// Package e2e is an end-to-end suite: test support.
package e2e

import "example.com/gen/store"

// Suite builds concrete fixtures by design: not reported.
type Suite struct{ S *store.Store }
