// Package constrepeat returns a constant path named by a constant that
// repeats the one above it, converted: as a generated handler's
// constructor may.
package constrepeat

type procedure string

const (
	greet procedure = "/greet.v1.GreetService/"
	served
)

// Path is where the service is served.
func Path() string { return string(served) }
