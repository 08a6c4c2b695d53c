package coupling

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule coupling.change-coupling: components that change in the same
// commits though neither imports the other (family.History, read by
// oneway audit -history). The thresholds are code-maat's: each component
// changed in at least min-commits commits, at least min-shared of them
// together, and those at least min-coupling percent of the average of
// the two components' commits (the degree of coupling). The change log
// leaves out merges, generated files, lockfiles and commits of more than
// 30 files (see internal/changelog).

// Defaults of the rule's options.
const (
	DefaultMinCommits  = 5
	DefaultMinShared   = 5
	DefaultMinCoupling = 30
)

// changeCoupling is how often two components change together.
type changeCoupling struct {
	a, b     string // components, a < b
	shared   int    // commits changing both
	commitsA int    // commits changing a
	commitsB int
	degree   int // shared as a percentage of the average of commitsA and commitsB
	files    map[string]*changedFile
	packages map[string]bool
	// hidden: neither component depends on the other, directly or
	// through others, and they depend on no component in common (a
	// package of shared types or interfaces both import is the explicit
	// form of what ties them).
	hidden bool
}

// changedFile counts the shared commits that changed one file.
type changedFile struct {
	name, component string
	pos             token.Pos
	commits         int
}

// changeCouplings returns the pairs of components whose changes are
// coupled beyond cfg's thresholds, sorted by components. A component is
// the one its package is placed in by the graph; files of packages the
// graph does not hold are not counted.
func changeCouplings(h *family.History, g *graph, cfg Config) []*changeCoupling {
	if h == nil {
		return nil
	}
	componentOf := map[string]string{}
	for _, r := range g.results {
		if !family.MigrationPackage(r.Package, r.Name) {
			// A migration follows the schema, and the models that map
			// it, by design: its changes tie nothing hidden.
			componentOf[r.Package] = r.Component
		}
	}
	commits := map[string]int{}
	pairs := map[[2]string]*changeCoupling{}
	reached := map[string]map[string]bool{}
	// reach returns the components c depends on, directly or not.
	reach := func(c string) map[string]bool {
		if r, ok := reached[c]; ok {
			return r
		}
		r := map[string]bool{}
		var walk func(c string)
		walk = func(c string) {
			for to := range g.out[c] {
				if !r[to] {
					r[to] = true
					walk(to)
				}
			}
		}
		walk(c)
		reached[c] = r
		return r
	}
	for _, c := range h.Commits {
		byComponent := map[string][]family.ChangedFile{}
		for _, f := range c.Files {
			if comp := componentOf[f.Package]; comp != "" {
				byComponent[comp] = append(byComponent[comp], f)
			}
		}
		comps := make([]string, 0, len(byComponent))
		for comp := range byComponent {
			comps = append(comps, comp)
			commits[comp]++
		}
		slices.Sort(comps)
		for i, a := range comps {
			for _, b := range comps[i+1:] {
				p := pairs[[2]string{a, b}]
				if p == nil {
					p = &changeCoupling{a: a, b: b, files: map[string]*changedFile{}, packages: map[string]bool{}}
					pairs[[2]string{a, b}] = p
				}
				p.shared++
				for _, comp := range []string{a, b} {
					for _, f := range byComponent[comp] {
						cf := p.files[f.Name]
						if cf == nil {
							cf = &changedFile{name: f.Name, component: comp, pos: f.Pos}
							p.files[f.Name] = cf
						}
						cf.commits++
						p.packages[f.Package] = true
					}
				}
			}
		}
	}
	var out []*changeCoupling
	for _, p := range pairs {
		p.commitsA, p.commitsB = commits[p.a], commits[p.b]
		p.degree = 200 * p.shared / (p.commitsA + p.commitsB)
		if p.commitsA < cfg.ChangeMinCommits || p.commitsB < cfg.ChangeMinCommits ||
			p.shared < cfg.ChangeMinShared || p.degree < cfg.ChangeMinCoupling {
			continue
		}
		ra, rb := reach(p.a), reach(p.b)
		p.hidden = !ra[p.b] && !rb[p.a]
		for c := range ra {
			p.hidden = p.hidden && !rb[c]
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y *changeCoupling) int {
		return cmp.Or(strings.Compare(x.a, y.a), strings.Compare(x.b, y.b))
	})
	return out
}

// together says how often the two components changed together in h's
// period.
func (p *changeCoupling) together(h *family.History) string {
	months := int(h.To.Sub(h.From).Hours()/24/30 + 0.5)
	return fmt.Sprintf("%d commits changed both (%s in %d, %s in %d: %d%% coupling) in the %d months before this commit",
		p.shared, p.a, p.commitsA, p.b, p.commitsB, p.degree, months)
}

// hiddenCoupling is the decision on a pair of components that change
// together though neither imports the other.
func hiddenCoupling(p *changeCoupling, h *family.History) (finding.Finding, bool) {
	files := make([]*changedFile, 0, len(p.files))
	for _, f := range p.files {
		if f.pos.IsValid() {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return finding.Finding{}, false
	}
	// The files that changed with the other component most often first;
	// the decision sits at the first of them, in either component.
	slices.SortFunc(files, func(x, y *changedFile) int {
		return cmp.Or(y.commits-x.commits, strings.Compare(x.name, y.name))
	})
	f := finding.Finding{
		Rule:    RuleChangeCoupling,
		Subject: p.a + "<->" + p.b,
		Pos:     files[0].pos,
		Evidence: finding.Evidence{
			Sites:      p.shared,
			Packages:   len(p.packages),
			Components: 2,
		},
	}
	perSide := map[string]int{files[0].component: 1}
	for _, cf := range files[1:] {
		if perSide[cf.component] == 3 {
			continue // the three most coupled files of each side
		}
		perSide[cf.component]++
		f.Related = append(f.Related, finding.Related{Pos: cf.pos,
			Message: fmt.Sprintf("component %s: changed in %d of the %d commits", cf.component, cf.commits, p.shared)})
	}
	f.Message = fmt.Sprintf("components %s and %s change together though neither imports the other: %s; "+
		"what ties them is hidden (a shared data format, protocol, schema or copied code), so a change to one is a change to the other: "+
		"make the dependency explicit in a package both import, or remove it", p.a, p.b, p.together(h))
	return f, true
}

// withChangeCoupling adds to a decision on a dependency between two
// components how often they changed together, when they did beyond the
// thresholds: evidence that the dependency is paid for on every change.
func withChangeCoupling(out []finding.Finding, pairs []*changeCoupling, h *family.History) {
	byPair := map[[2]string]*changeCoupling{}
	for _, p := range pairs {
		byPair[[2]string{p.a, p.b}] = p
	}
	for i := range out {
		f := &out[i]
		from, to, ok := strings.Cut(f.Subject, "->")
		if !ok || f.Rule == RuleChangeCoupling || f.Rule == RuleCycle {
			continue
		}
		key := [2]string{from, to}
		if to < from {
			key = [2]string{to, from}
		}
		if p := byPair[key]; p != nil {
			f.Message += "; " + p.together(h)
		}
	}
}
