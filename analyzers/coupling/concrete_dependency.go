package coupling

import (
	"fmt"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule coupling.concrete-dependency: another component's service types
// held or built directly (behaviour.go says which types are services,
// edges.go finds the uses and their kinds).

// concreteDependency completes f, the finding of g, a decision of the
// rule. What is expensive to reverse is what binds the dependents to the
// types themselves; naming them in fields and parameters is undone by
// declaring an interface where they are used. The decision is weighed by
// the binding sites alone.
func concreteDependency(g *group, f *finding.Finding, from, spread, zone string) {
	f.Evidence.Sites, f.Evidence.Packages = g.binding, len(g.bindingPkgs)
	f.Evidence.ZoneOfPain = f.Evidence.ZoneOfPain && g.binding > 0
	if g.binding == 0 {
		zone = ""
	}
	it, the := "it", "the type"
	if len(g.objects) > 1 {
		it, the = "them", "the types"
	}
	advice := fmt.Sprintf("no use binds to %s: an interface declared where %s used would replace %s",
		the, map[bool]string{true: "it is", false: "they are"}[it == "it"], it)
	if g.binding > 0 {
		advice = fmt.Sprintf("%d %s to %s; depend on an interface instead",
			g.binding, map[bool]string{true: "use binds", false: "uses bind"}[g.binding == 1], the)
	}
	f.Message = fmt.Sprintf("%s depends on concrete %s of %s: %s (%s); %s%s",
		from, listText(g.objects, 3), g.to, kindsText(g.kinds), spread, advice, zone)
}
