package policy

import (
	"fmt"
	"math"
	"math/bits"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Factor is one multiplier of a reversal cost, with the reason for its
// value, e.g. {"exposure", 3, "public API"}.
type Factor struct {
	Name  string
	Value int
	Why   string
}

// Cost is the reversal cost of a decision: the product of its factors,
// and the class that product puts the decision in.
type Cost struct {
	Total   int
	Factors []Factor // base, exposure, spread, criticality
	Class   Class
}

// The reasons given for the base factor.
const (
	whyRuleWeight   = "rule weight"
	whyPolicyWeight = "policy weight"
)

// ZoneOfPainMinSites is how many sites a coupling decision needs before
// the zone of pain weighs it: the stability of the depended-upon component
// makes a wide dependency hard to reverse, while a handful of calls stays
// cheap to change wherever they point.
const ZoneOfPainMinSites = 10

// ChurnMinCommits is how many commits of the change log read (a year) must
// have changed a decision's files for the churn weight to apply: about
// one a month.
const ChurnMinCommits = 12

// maxSpread caps the spread factor: past some point, more sites do not
// make a decision harder to reverse in proportion.
const maxSpread = 10

// String shows the cost with its breakdown, so a person can check it:
//
//	48 = base 4 × exposure 3 (public API) × spread 2 (2 sites in 1 package) × criticality 2 (normal)
//
// The base factor shows its reason only when the policy overrides the
// rule's weight.
func (c Cost) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", c.Total)
	for i, f := range c.Factors {
		sep := " × "
		if i == 0 {
			sep = " = "
		}
		fmt.Fprintf(&b, "%s%s %d", sep, f.Name, f.Value)
		if f.Why != "" && f.Why != whyRuleWeight {
			fmt.Fprintf(&b, " (%s)", f.Why)
		}
	}
	return b.String()
}

// Score computes the reversal cost of a decision of rule r, with evidence
// ev, made in the named component:
//
//	cost = base × exposure × spread × criticality
//
// where
//
//   - base is the rule's weight, or the policy's weight for the rule;
//   - exposure is the largest weight of what the decision touches: a
//     public API, data at rest, a module boundary; else the internal
//     weight;
//   - spread is 1 + ⌊log2 sites⌋ + ⌊log2 packages⌋ (counting at least one
//     of each), at most 10;
//   - criticality is the weight of the component's criticality;
//   - for a coupling decision of at least ZoneOfPainMinSites sites on a
//     component in the zone of pain, the zone-of-pain weight;
//   - for a decision whose files changed in at least ChurnMinCommits
//     commits of the change log read (Evidence.Churn, oneway audit
//     -history), the churn weight, when it is above 1.
//
// The decision is invest-now if the cost reaches the invest-now
// threshold, else cheap-later. Score is a pure function; whether the rule
// is enabled, or the decision accepted, is for its caller to decide.
func (p *Policy) Score(r finding.Rule, ev finding.Evidence, component string) Cost {
	fs := []Factor{p.base(r), p.exposure(ev), spread(ev), p.criticality(component)}
	if ev.ZoneOfPain && ev.Sites >= ZoneOfPainMinSites {
		fs = append(fs, Factor{"zone of pain", p.Weights.ZoneOfPain, "depends on a stable, concrete, depended-upon component"})
	}
	if ev.Churn >= ChurnMinCommits && p.Weights.Churn > 1 {
		fs = append(fs, Factor{"churn", p.Weights.Churn, fmt.Sprintf("its files changed in %d commits of the year", ev.Churn)})
	}
	total := 1
	for _, f := range fs {
		total = mulSat(total, f.Value)
	}
	c := Cost{Total: total, Factors: fs, Class: CheapLater}
	if total >= p.Thresholds.InvestNow {
		c.Class = InvestNow
	}
	return c
}

func (p *Policy) base(r finding.Rule) Factor {
	why := whyRuleWeight
	if p.Rules[r.ID].Weight != nil {
		why = whyPolicyWeight
	}
	return Factor{"base", p.Weight(r), why}
}

// exposure picks the largest weight among what the decision touches; on
// a tie, the first in the order public, data, cross-module.
func (p *Policy) exposure(ev finding.Evidence) Factor {
	w := p.Weights
	candidates := []struct {
		applies bool
		Factor
	}{
		{ev.Public, Factor{"exposure", w.Public, "public API"}},
		{ev.DataAtRest, Factor{"exposure", w.Data, "data at rest"}},
		{ev.CrossModule, Factor{"exposure", w.CrossModule, "crosses a module boundary"}},
	}
	best := Factor{"exposure", w.Internal, "inside the code base"}
	found := false
	for _, c := range candidates {
		if c.applies && (!found || c.Value > best.Value) {
			best, found = c.Factor, true
		}
	}
	return best
}

func spread(ev finding.Evidence) Factor {
	v := 1 + log2(ev.Sites) + log2(ev.Packages)
	why := fmt.Sprintf("%s in %s", finding.Count(ev.Sites, "site"), finding.Count(ev.Packages, "package"))
	if ev.Sites == 0 {
		why = "no sites"
	}
	if v > maxSpread {
		v = maxSpread
		why += fmt.Sprintf(", capped at %d", maxSpread)
	}
	return Factor{"spread", v, why}
}

func (p *Policy) criticality(component string) Factor {
	level := p.CriticalityOf(component)
	w := p.Weights.Normal
	switch level {
	case Low:
		w = p.Weights.Low
	case High:
		w = p.Weights.High
	}
	return Factor{"criticality", w, string(level)}
}

// log2 returns ⌊log2 n⌋, counting n as at least 1.
func log2(n int) int {
	if n < 1 {
		return 0
	}
	return bits.Len(uint(n)) - 1
}

// mulSat multiplies, saturating at the limits of int instead of wrapping:
// the weights of a policy are not bounded above.
func mulSat(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt) || (b == -1 && a == math.MinInt) {
		if (a > 0) == (b > 0) {
			return math.MaxInt
		}
		return math.MinInt
	}
	return c
}
