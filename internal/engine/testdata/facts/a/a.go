// Package a is the bottom of a chain of imports: d imports c imports b
// imports a. Each kind of object is here, as facts pass on differently
// for each (exported functions to direct importers only, methods,
// fields, types and constants to every importer).
package a

// Exported is a function.
func Exported() int { return unexported() }

func unexported() int { return Const }

// Const is a constant.
const Const = 1

// Var is a package variable.
var Var = 2

// T is a type.
type T struct {
	Field int
	field int
}

// Method is a method.
func (t T) Method() int { return t.Field + t.field }
