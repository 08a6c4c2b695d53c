// Command oneway finds the one-way doors in a Go code base. See the
// README for its commands; under go vet -vettool it runs as a unit
// checker with the same analyzers.
package main

import "github.com/oneway-lint/oneway/driver"

func main() {
	driver.Main()
}
