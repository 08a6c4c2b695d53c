// Package localconv returns a constant path converted to a type declared
// in the function.
package localconv

// Path is where the service is served.
func Path() string {
	type procedure string
	return string(procedure("/greet.v1.GreetService/"))
}
