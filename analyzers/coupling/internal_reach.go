package coupling

import "fmt"

// Rule coupling.internal-reach: an import of a package outside another
// component's public surface (edges.go marks the edge Internal).

// internalReachMessage is the message of g, a decision of the rule.
func internalReachMessage(g *group, from, spread, zone string) string {
	return fmt.Sprintf("%s reaches into internal package %s of %s (%s); use its public packages%s",
		from, listText(g.targets, 3), g.to, spread, zone)
}
