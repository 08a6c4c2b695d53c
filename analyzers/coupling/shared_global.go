package coupling

import "fmt"

// Rule coupling.shared-global: another component's exported variable,
// read or written (edges.go finds the sites, writes.go the writes).

// readLikeConstant reports whether the variable of g, a decision of the
// rule, is read like a constant: nobody writes it after initialisation,
// or (of basic type) package main sets it to a constant or to its own
// variable (build information from -ldflags -X), whatever its type: no
// state is shared at run time. Any other write (a setting from
// configuration, a counter, a store into a field, by any package, of any
// component) makes every read count. One package (go vet, view nil)
// cannot see the writes of the others: it skips the reads of a
// basic-typed variable that neither it nor the variable's package writes,
// and reports those of other variables.
func readLikeConstant(g *group, view *programView) bool {
	return !g.wrote && (view != nil && !view.written[g.subject] || view == nil && g.value)
}

// sharedGlobalMessage is the message of g, a decision of the rule.
func sharedGlobalMessage(g *group, from, spread, zone string) string {
	one := len(g.from) == 1 // "component x reads", "components x and y read"
	verb := map[bool]string{true: "reads", false: "read"}[one]
	switch {
	case g.kinds[KindWrite] > 0 && g.kinds[KindRead] > 0:
		verb = map[bool]string{true: "reads and writes", false: "read and write"}[one]
	case g.kinds[KindWrite] > 0:
		verb = map[bool]string{true: "writes", false: "write"}[one]
	}
	return fmt.Sprintf("%s %s exported variable %s of %s, hidden shared state (%s)%s",
		from, verb, g.objects[0], g.to, spread, zone)
}
