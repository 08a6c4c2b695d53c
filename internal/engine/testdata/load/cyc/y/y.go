// Package y imports x.
package y

import _ "example.com/load/cyc/x"
