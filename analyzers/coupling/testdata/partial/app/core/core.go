// Package core uses a.
package core

import "example.com/partial/app/lib/a"

// Run runs a.
func Run() int { return a.A() }
