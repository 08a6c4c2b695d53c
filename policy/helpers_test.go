package policy

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// testRules is the rule catalogue of the tests: analyzers.Rules is empty
// until the rule families land. It has an option of every type.
func testRules() []finding.Rule {
	return []finding.Rule{
		{
			ID: "api.unversioned-route", Weight: 4,
			Options: []finding.Option{
				{Name: "version-pattern", Type: finding.OptionString, Default: "^v[0-9]+$", Doc: "what counts as a version segment"},
			},
		},
		{ID: "coupling.cycle", Weight: 5, Global: true},
		{ID: "data.shared-table", Weight: 4, Global: true},
		{
			ID: "data.wide-table", Weight: 2,
			Options: []finding.Option{
				{Name: "max-columns", Type: finding.OptionInt, Default: "30", Doc: "a table with more columns is wide"},
				{Name: "tables", Type: finding.OptionStrings, Default: "[events, audit_log]", Doc: "tables to look at"},
				{Name: "strict", Type: finding.OptionBool, Default: "false", Doc: "count every column"},
			},
		},
	}
}

// testRule returns the test rule with the given id.
func testRule(t *testing.T, id string) finding.Rule {
	t.Helper()
	for _, r := range testRules() {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no test rule %q", id)
	return finding.Rule{}
}

// lines joins its arguments as the lines of a file: line n of the file
// is argument n-1, which keeps the positions in expected errors honest.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// mustParse parses src with the test rules and fails the test on error.
func mustParse(t *testing.T, src string) *Policy {
	t.Helper()
	p, err := Parse("p.yml", []byte(src), testRules())
	if err != nil {
		t.Fatalf("Parse: unexpected error:\n%v", err)
	}
	return p
}

// errorLines returns the lines of err, which must be nil or an Errors.
func errorLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error is a %T, not an Errors: %v", err, err)
	}
	return strings.Split(errs.Error(), "\n")
}

// checkLines fails the test with a line diff if got is not want.
func checkLines(t *testing.T, what string, want, got []string) {
	t.Helper()
	if !slices.Equal(want, got) {
		t.Errorf("%s mismatch (-want +got):\n%s", what, diff(want, got))
	}
}

// diff returns a line diff of want and got: "-" lines only in want, "+"
// lines only in got.
func diff(want, got []string) string {
	// lcs[i][j] is the length of the longest common subsequence of
	// want[i:] and got[j:].
	lcs := make([][]int, len(want)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(got)+1)
	}
	for i := len(want) - 1; i >= 0; i-- {
		for j := len(got) - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		switch {
		case i < len(want) && j < len(got) && want[i] == got[j]:
			fmt.Fprintf(&b, "  %s\n", want[i])
			i, j = i+1, j+1
		case j < len(got) && (i == len(want) || lcs[i][j+1] >= lcs[i+1][j]):
			fmt.Fprintf(&b, "+ %s\n", got[j])
			j++
		default:
			fmt.Fprintf(&b, "- %s\n", want[i])
			i++
		}
	}
	return b.String()
}

// dump describes the exported content of p, one setting a line, for
// comparing policies with a readable diff.
func dump(p *Policy) []string {
	out := []string{
		fmt.Sprintf("version %d", p.Version),
		fmt.Sprintf("stage %s", p.Stage),
	}
	for _, c := range p.Components {
		out = append(out, fmt.Sprintf("component %s: paths %v criticality %s public %v", c.Name, c.Paths, c.Criticality, c.Public))
	}
	for _, a := range p.Allow {
		out = append(out, fmt.Sprintf("allow %s: %v", a.From, a.To))
	}
	ids := make([]string, 0, len(p.Rules))
	for id := range p.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		rs := p.Rules[id]
		line := "rule " + id + ":"
		if rs.Enabled != nil {
			line += fmt.Sprintf(" enabled %v", *rs.Enabled)
		}
		if rs.Weight != nil {
			line += fmt.Sprintf(" weight %d", *rs.Weight)
		}
		if rs.Ignore != nil {
			line += fmt.Sprintf(" ignore %q", rs.Ignore)
		}
		names := make([]string, 0, len(rs.Options))
		for name := range rs.Options {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			line += fmt.Sprintf(" %s=%#v", name, rs.Options[name])
		}
		out = append(out, line)
	}
	w := p.Weights
	out = append(out,
		fmt.Sprintf("thresholds: invest-now %d", p.Thresholds.InvestNow),
		fmt.Sprintf("exposure: internal %d cross-module %d data %d public %d", w.Internal, w.CrossModule, w.Data, w.Public),
		fmt.Sprintf("criticality: low %d normal %d high %d", w.Low, w.Normal, w.High),
	)
	if p.Exclude != nil {
		out = append(out, fmt.Sprintf("exclude %v", p.Exclude))
	}
	return out
}

// presetLines are the dump lines of the numbers of a stage's preset.
func presetLines(s Stage) []string {
	t, w := Preset(s)
	return dump(&Policy{Thresholds: t, Weights: w})[2:]
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, reason string
		want, got    []string
		out          string
	}{
		{"equal", "common lines are shown unmarked", []string{"a", "b"}, []string{"a", "b"}, "  a\n  b\n"},
		{"changed", "a changed line is a - and a +", []string{"a", "b", "c"}, []string{"a", "x", "c"}, "  a\n+ x\n- b\n  c\n"},
		{"missing", "a line only in want is a -", []string{"a", "b"}, []string{"a"}, "  a\n- b\n"},
		{"extra", "a line only in got is a +", nil, []string{"a"}, "+ a\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := diff(tt.want, tt.got); got != tt.out {
				t.Errorf("diff(%q, %q) = %q, want %q (%s)", tt.want, tt.got, got, tt.out, tt.reason)
			}
		})
	}
}
