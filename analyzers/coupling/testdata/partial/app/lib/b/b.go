// Package b uses app/core/x, outside app/lib: app/lib is no library of
// its own. (app/core and app/lib import each other: one component, app.)
package b

import "example.com/partial/app/core/x"

// B is x's.
func B() int { return x.U }
