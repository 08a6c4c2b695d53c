// Command loadfloor loads packages the way a go/analysis driver must at
// the least — syntax and types for the named packages, export data for
// their dependencies — and does nothing else. Its wall time and peak
// memory are the floor oneway audit is measured against.
//
//	loadfloor [-C DIR] [packages]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/oneway-lint/oneway/internal/bench"
)

func main() {
	dir := flag.String("C", ".", "directory to load in")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	n, bad, err := bench.LoadFloor(context.Background(), *dir, patterns)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadfloor:", err)
		os.Exit(1)
	}
	fmt.Printf("loadfloor: %d packages, %d with errors\n", n, bad)
}
