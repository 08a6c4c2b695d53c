// Package minpath returns a constant path through the built-in min.
package minpath

// Path is where the service is served.
func Path() string { return min("/greet.v1.GreetService/") }
