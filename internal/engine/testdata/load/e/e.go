// Package e imports d, which does not build.
package e

import "example.com/load/d"

// Name is d's.
const Name = d.Name
