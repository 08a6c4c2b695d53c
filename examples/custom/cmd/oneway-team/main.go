// Command oneway-team is oneway with the team's own rules: everything
// oneway does (audit, go vet -vettool, policy, directives, baselines,
// every report format) applies to them too.
package main

import (
	"github.com/oneway-lint/oneway/driver"

	"example.com/oneway-team/envrule"
)

func main() {
	driver.Main(envrule.Family())
}
