// Command gen writes a synthetic Go module for oneway's benchmarks:
// components with repositories issuing SQL through database/sql, HTTP
// handlers on net/http ServeMux sub-muxes, cross-component concrete
// types and component cycles, standard library only.
//
//	gen -n 500 -o /tmp/synth500
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/oneway-lint/oneway/internal/bench"
)

func main() {
	n := flag.Int("n", 100, "number of packages")
	out := flag.String("o", "", "directory to write the module to (must not exist or be empty)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -n PACKAGES -o DIR")
		os.Exit(2)
	}
	if err := bench.Generate(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
