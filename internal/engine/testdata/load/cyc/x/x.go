// Package x imports y, which imports x.
package x

import _ "example.com/load/cyc/y"
