package policy

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// costLines describes a cost one fact a line, for diffs.
func costLines(c Cost) []string {
	out := []string{fmt.Sprintf("total %d", c.Total), fmt.Sprintf("class %s", c.Class)}
	for _, f := range c.Factors {
		out = append(out, fmt.Sprintf("%s %d (%s)", f.Name, f.Value, f.Why))
	}
	return out
}

func TestScore(t *testing.T) {
	// The policy of every case: the traction preset (internal 2,
	// cross-module 3, data 3, public 3; low 1, normal 2, high 3;
	// invest-now 40) with the components below, plus the case's lines.
	const base = `version: 1
components:
  - {name: billing, paths: [billing], criticality: high}
  - {name: tools, paths: [tools], criticality: low}
  - {name: web, paths: [web]}
`
	rule := finding.Rule{ID: "data.shared-table", Weight: 4}
	one := finding.Evidence{Sites: 1, Packages: 1}
	with := func(ev finding.Evidence, f func(*finding.Evidence)) finding.Evidence { f(&ev); return ev }
	cost := func(total int, class Class, fs ...Factor) Cost { return Cost{Total: total, Factors: fs, Class: class} }
	b4 := Factor{"base", 4, "rule weight"}
	internal := Factor{"exposure", 2, "inside the code base"}
	spread1 := Factor{"spread", 1, "1 site in 1 package"}
	normal := Factor{"criticality", 2, "normal"}

	tests := []struct {
		name, reason string
		policy       string // lines added to base
		ev           finding.Evidence
		component    string
		want         Cost
	}{
		// base
		{
			name: "smallest", reason: "one internal site in a normal component: each factor at its least",
			ev: one, component: "web",
			want: cost(16, CheapLater, b4, internal, spread1, normal),
		},
		{
			name: "policy weight", reason: "the policy's weight for the rule replaces the rule's, and says so",
			policy: "rules: {data.shared-table: {weight: 7}}", ev: one, component: "web",
			want: cost(28, CheapLater, Factor{"base", 7, "policy weight"}, internal, spread1, normal),
		},

		// exposure
		{
			name: "public", reason: "a public API is exposed to clients outside the code base",
			ev: with(one, func(e *finding.Evidence) { e.Public = true }), component: "web",
			want: cost(24, CheapLater, b4, Factor{"exposure", 3, "public API"}, spread1, normal),
		},
		{
			name: "data at rest", reason: "stored data outlives the code",
			ev: with(one, func(e *finding.Evidence) { e.DataAtRest = true }), component: "web",
			want: cost(24, CheapLater, b4, Factor{"exposure", 3, "data at rest"}, spread1, normal),
		},
		{
			name: "cross-module", reason: "a module boundary is harder to change than a package's",
			ev: with(one, func(e *finding.Evidence) { e.CrossModule = true }), component: "web",
			want: cost(24, CheapLater, b4, Factor{"exposure", 3, "crosses a module boundary"}, spread1, normal),
		},
		{
			name: "largest applies", reason: "of several exposures, the largest weight counts",
			policy: "weights: {exposure: {data: 5, cross-module: 4}}",
			ev:     with(one, func(e *finding.Evidence) { e.Public, e.DataAtRest, e.CrossModule = true, true, true }), component: "web",
			want: cost(40, InvestNow, b4, Factor{"exposure", 5, "data at rest"}, spread1, normal),
		},
		{
			name: "tie", reason: "on a tie the first of public, data, cross-module gives the reason",
			ev: with(one, func(e *finding.Evidence) { e.DataAtRest, e.Public = true, true }), component: "web",
			want: cost(24, CheapLater, b4, Factor{"exposure", 3, "public API"}, spread1, normal),
		},
		{
			name: "internal only when nothing else applies", reason: "the evidence picks the exposures; a policy may weigh one below internal",
			policy: "weights: {exposure: {cross-module: 1}}",
			ev:     with(one, func(e *finding.Evidence) { e.CrossModule = true }), component: "web",
			want: cost(8, CheapLater, b4, Factor{"exposure", 1, "crosses a module boundary"}, spread1, normal),
		},

		// spread
		{
			name: "spread", reason: "1 + ⌊log2 23⌋ + ⌊log2 6⌋ = 1 + 4 + 2",
			ev: finding.Evidence{Sites: 23, Packages: 6}, component: "web",
			want: cost(112, InvestNow, b4, internal, Factor{"spread", 7, "23 sites in 6 packages"}, normal),
		},
		{
			name: "spread plurals", reason: "one site, several packages: singular and plural",
			ev: finding.Evidence{Sites: 1, Packages: 2}, component: "web",
			want: cost(32, CheapLater, b4, internal, Factor{"spread", 2, "1 site in 2 packages"}, normal),
		},
		{
			name: "spread of nothing", reason: "no sites weigh as one and say so (a concrete dependency that binds to nothing)",
			ev: finding.Evidence{}, component: "web",
			want: cost(16, CheapLater, b4, internal, Factor{"spread", 1, "no sites"}, normal),
		},
		{
			name: "spread at the cap", reason: "1 + 9 + 0 = 10 is the cap itself, not capped",
			ev: finding.Evidence{Sites: 512, Packages: 1}, component: "web",
			want: cost(160, InvestNow, b4, internal, Factor{"spread", 10, "512 sites in 1 package"}, normal),
		},
		{
			name: "spread capped", reason: "1 + 10 + 5 = 16 is capped at 10, and says so",
			ev: finding.Evidence{Sites: 1024, Packages: 32}, component: "web",
			want: cost(160, InvestNow, b4, internal, Factor{"spread", 10, "1024 sites in 32 packages, capped at 10"}, normal),
		},

		// criticality
		{
			name: "high", reason: "decisions in a critical component cost more",
			ev: one, component: "billing",
			want: cost(24, CheapLater, b4, internal, spread1, Factor{"criticality", 3, "high"}),
		},
		{
			name: "low", reason: "and in a low one less",
			ev: one, component: "tools",
			want: cost(8, CheapLater, b4, internal, spread1, Factor{"criticality", 1, "low"}),
		},
		{
			name: "undeclared component", reason: "a component the policy does not name is normal",
			ev: one, component: "internal",
			want: cost(16, CheapLater, b4, internal, spread1, normal),
		},
		{
			name: "criticality weight", reason: "criticality weights may be overridden",
			policy: "weights: {criticality: {high: 10}}", ev: one, component: "billing",
			want: cost(80, InvestNow, b4, internal, spread1, Factor{"criticality", 10, "high"}),
		},

		// class
		{
			name: "at the threshold", reason: "a cost equal to the threshold is invest-now",
			policy: "thresholds: {invest-now: 24}", ev: one, component: "billing",
			want: cost(24, InvestNow, b4, internal, spread1, Factor{"criticality", 3, "high"}),
		},
		{
			name: "just below the threshold", reason: "one less is cheap-later",
			policy: "thresholds: {invest-now: 25}", ev: one, component: "billing",
			want: cost(24, CheapLater, b4, internal, spread1, Factor{"criticality", 3, "high"}),
		},
		{
			name: "threshold zero", reason: "with a threshold of 0 everything is invest-now",
			policy: "thresholds: {invest-now: 0}", ev: one, component: "tools",
			want: cost(8, InvestNow, b4, internal, spread1, Factor{"criticality", 1, "low"}),
		},
		{
			name: "explore", reason: "at explore, coupling inside the code base is cheap-later",
			policy: "stage: explore", ev: finding.Evidence{Sites: 4, Packages: 2}, component: "web",
			want: cost(32, CheapLater, b4, Factor{"exposure", 1, "inside the code base"}, Factor{"spread", 4, "4 sites in 2 packages"}, normal),
		},
		{
			name: "scale", reason: "at scale, the same decision is invest-now",
			policy: "stage: scale", ev: finding.Evidence{Sites: 4, Packages: 2}, component: "web",
			want: cost(96, InvestNow, b4, Factor{"exposure", 3, "inside the code base"}, Factor{"spread", 4, "4 sites in 2 packages"}, normal),
		},
		{
			name: "churn", reason: "files changed in a commit a month or more: the churn weight applies where the policy sets one",
			policy: "weights: {churn: 2}", ev: finding.Evidence{Sites: 1, Packages: 1, Churn: ChurnMinCommits}, component: "web",
			want: cost(32, CheapLater, b4, internal, spread1, normal, Factor{"churn", 2, "its files changed in 12 commits of the year"}),
		},
		{
			name: "churn below", reason: "fewer commits than ChurnMinCommits: no churn factor",
			policy: "weights: {churn: 2}", ev: finding.Evidence{Sites: 1, Packages: 1, Churn: ChurnMinCommits - 1}, component: "web",
			want: cost(16, CheapLater, b4, internal, spread1, normal),
		},
		{
			name: "churn off", reason: "the presets leave churn out (weight 1)",
			policy: "stage: scale", ev: finding.Evidence{Sites: 1, Packages: 1, Churn: 40}, component: "web",
			want: cost(24, CheapLater, b4, Factor{"exposure", 3, "inside the code base"}, spread1, normal),
		},
		{
			name: "churn weight", reason: "weights.churn overrides the preset",
			policy: "weights: {churn: 3}", ev: finding.Evidence{Sites: 1, Packages: 1, Churn: 30}, component: "web",
			want: cost(48, InvestNow, b4, internal, spread1, normal, Factor{"churn", 3, "its files changed in 30 commits of the year"}),
		},
		{
			name: "saturates", reason: "huge weights saturate instead of wrapping to a negative cost",
			policy: fmt.Sprintf("rules: {data.shared-table: {weight: %d}}", math.MaxInt/2), ev: one, component: "web",
			want: cost(math.MaxInt, InvestNow, Factor{"base", math.MaxInt / 2, "policy weight"}, internal, spread1, normal),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, base+tt.policy+"\n")
			got := p.Score(rule, tt.ev, tt.component)
			checkLines(t, "cost ("+tt.reason+")", costLines(tt.want), costLines(got))
		})
	}
}

func TestCostString(t *testing.T) {
	tests := []struct {
		name, reason string
		cost         Cost
		want         string
	}{
		{
			name: "breakdown", reason: "each factor with its reason; the rule's own weight needs none",
			cost: Cost{Total: 48, Factors: []Factor{
				{"base", 4, "rule weight"}, {"exposure", 3, "public API"},
				{"spread", 4, "23 sites in 6 packages"}, {"criticality", 1, "low"},
			}},
			want: "48 = base 4 × exposure 3 (public API) × spread 4 (23 sites in 6 packages) × criticality 1 (low)",
		},
		{
			name: "policy weight", reason: "an overridden weight says where it comes from",
			cost: Cost{Total: 14, Factors: []Factor{
				{"base", 7, "policy weight"}, {"exposure", 2, "inside the code base"},
				{"spread", 1, "1 site in 1 package"}, {"criticality", 1, "low"},
			}},
			want: "14 = base 7 (policy weight) × exposure 2 (inside the code base) × spread 1 (1 site in 1 package) × criticality 1 (low)",
		},
		{
			name: "zero", reason: "the zero Cost is just its total",
			want: "0",
		},
	}
	for _, tt := range tests {
		if got := tt.cost.String(); got != tt.want {
			t.Errorf("%s: String() =\n\t%s\nwant\n\t%s\n(%s)", tt.name, got, tt.want, tt.reason)
		}
	}
	// Score's costs read the same way.
	p := mustParse(t, "version: 1\n")
	got := p.Score(finding.Rule{ID: "data.shared-table", Weight: 4}, finding.Evidence{Sites: 2, Packages: 1, Public: true}, "web").String()
	if want := "48 = base 4 × exposure 3 (public API) × spread 2 (2 sites in 1 package) × criticality 2 (normal)"; got != want {
		t.Errorf("Score(...).String() =\n\t%s\nwant\n\t%s", got, want)
	}
}

func TestPreset(t *testing.T) {
	tests := []struct {
		stage          Stage
		reason         string
		investNow      int
		exposure       [4]int // internal, cross-module, data, public
		low, norm, hig int
		churn          int
	}{
		{Explore, "only doors that touch users or data at rest are invest-now; churn is off at every stage", 48, [4]int{1, 2, 3, 3}, 1, 2, 3, 1},
		{Traction, "the default", 40, [4]int{2, 3, 3, 3}, 1, 2, 3, 1},
		{Scale, "coupling inside the code base counts too", 32, [4]int{3, 4, 4, 4}, 1, 2, 3, 1},
		{"growth", "an unknown stage gets the default stage's preset", 40, [4]int{2, 3, 3, 3}, 1, 2, 3, 1},
	}
	for _, tt := range tests {
		th, w := Preset(tt.stage)
		want := Weights{
			Internal: tt.exposure[0], CrossModule: tt.exposure[1], Data: tt.exposure[2], Public: tt.exposure[3],
			Low: tt.low, Normal: tt.norm, High: tt.hig, ZoneOfPain: 2, Churn: tt.churn,
		}
		if th.InvestNow != tt.investNow || w != want {
			t.Errorf("Preset(%s) = %+v, %+v; want invest-now %d, %+v (%s)", tt.stage, th, w, tt.investNow, want, tt.reason)
		}
	}
}

func TestMulSat(t *testing.T) {
	tests := []struct {
		name, reason string
		a, b, want   int
	}{
		{"small", "small products are exact", 6, 7, 42},
		{"zero", "zero is zero", 0, math.MaxInt, 0},
		{"overflow", "too big saturates at MaxInt", math.MaxInt / 2, 3, math.MaxInt},
		{"negative overflow", "too small saturates at MinInt", math.MaxInt / 2, -3, math.MinInt},
		{"MinInt by -1", "the one product division cannot check", math.MinInt, -1, math.MaxInt},
		{"negatives", "two negatives make a positive", -4, -5, 20},
	}
	for _, tt := range tests {
		if got := mulSat(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: mulSat(%d, %d) = %d, want %d (%s)", tt.name, tt.a, tt.b, got, tt.want, tt.reason)
		}
	}
}

// TestZoneOfPain: coupling of ZoneOfPainMinSites sites or more to a
// component in the zone of pain weighs the decision up by the zone-of-pain
// weight, named in the breakdown; a handful of sites is not weighed (the
// factor alone lifted two helper calls to invest-now).
func TestZoneOfPain(t *testing.T) {
	p := Default(analyzers.Rules())
	r := finding.Rule{ID: "coupling.concrete-dependency", Weight: 2}
	few := p.Score(r, finding.Evidence{Sites: 2, Packages: 1, ZoneOfPain: true}, "orders")
	if fewPlain := p.Score(r, finding.Evidence{Sites: 2, Packages: 1}, "orders"); few.Total != fewPlain.Total || strings.Contains(few.String(), "zone of pain") {
		t.Errorf("2 sites in the zone of pain: %s, want %s: a handful of sites is not weighed", few, fewPlain)
	}
	plain := p.Score(r, finding.Evidence{Sites: ZoneOfPainMinSites, Packages: 1}, "orders")
	pain := p.Score(r, finding.Evidence{Sites: ZoneOfPainMinSites, Packages: 1, ZoneOfPain: true}, "orders")
	if pain.Total != 2*plain.Total {
		t.Errorf("in the zone of pain: cost %d, want twice %d", pain.Total, plain.Total)
	}
	if want := "× zone of pain 2 (depends on a stable, concrete, depended-upon component)"; !strings.Contains(pain.String(), want) {
		t.Errorf("breakdown %q lacks %q", pain.String(), want)
	}
	if strings.Contains(plain.String(), "zone of pain") {
		t.Errorf("breakdown %q names the zone of pain for a decision outside it", plain.String())
	}
}
