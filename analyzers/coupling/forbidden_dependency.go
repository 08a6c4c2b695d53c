package coupling

import "fmt"

// Rule coupling.forbidden-dependency: an import the policy's allow rules
// do not permit (edges.go marks the edge Forbidden).

// forbiddenDependencyMessage is the message of g, a decision of the rule.
func forbiddenDependencyMessage(g *group, from, spread, zone string) string {
	return fmt.Sprintf("%s may not depend on %s: imports %s (%s)%s",
		from, g.to, listText(g.targets, 3), spread, zone)
}
