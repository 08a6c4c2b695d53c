// Package use imports the package cgo fails on.
package use

import "example.com/cgofail/bad"

// Four is twice two.
var Four = bad.Twice(2)
