// Package payments is the root of the component internal/payments (a
// container directory holds one component per subdirectory).
package payments

// Pay pays.
const Pay = 1
