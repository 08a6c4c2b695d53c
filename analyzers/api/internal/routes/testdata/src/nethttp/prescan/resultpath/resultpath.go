// Package resultpath returns a constant path, as a generated Connect
// handler's constructor does.
package resultpath

// Path is where the service is served.
func Path() string { return "/greet.v1.GreetService/" }
