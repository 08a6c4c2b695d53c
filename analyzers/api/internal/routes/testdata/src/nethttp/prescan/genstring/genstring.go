// Package genstring returns a constant path as an instance of a generic
// string type.
package genstring

type path[T any] string

// Path is where the service is served.
func Path() path[int] { return "/greet.v1.GreetService/" }
