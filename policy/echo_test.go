package policy

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuote(t *testing.T) {
	a80 := strings.Repeat("a", 80)
	cases := []struct {
		name, in, want, reason string
	}{
		{"empty", "", `""`, "an empty value is quoted as %q does"},
		{"short", "data.shared-tabel", `"data.shared-tabel"`, "a short value is quoted whole, as %q does"},
		{"at the limit", a80, `"` + a80 + `"`, "a value of exactly maxEcho characters is not cut"},
		{"one over", a80 + "b", `"` + a80 + `…" (81 bytes)`, "one character more is cut, with the length in bytes"},
		{"huge", strings.Repeat("a", 50<<20), `"` + a80 + `…" (52428800 bytes)`, "the size of the value does not matter"},
		{"multi-byte", strings.Repeat("é", 100), `"` + strings.Repeat("é", 80) + `…" (200 bytes)`, "characters are counted, not bytes, and never split"},
		{"escapes", strings.Repeat("\x01", 100), `"` + strings.Repeat(`\x01`, 20) + `…" (100 bytes)`, "an escape counts as the characters it takes"},
		{"invalid UTF-8", strings.Repeat("\xff", 100), `"` + strings.Repeat(`\xff`, 20) + `…" (100 bytes)`, "a byte that is not UTF-8 is escaped, not split"},
		{"quote marks", strings.Repeat(`"`, 100), `"` + strings.Repeat(`\"`, 40) + `…" (100 bytes)`, "an escaped quote mark takes two characters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := quote(c.in)
			if got != c.want {
				t.Errorf("quote(%d bytes) = %s, want %s (%s)", len(c.in), got, c.want, c.reason)
			}
			if !utf8.ValidString(got) {
				t.Errorf("quote(%d bytes) = %q is not UTF-8", len(c.in), got)
			}
			if _, whole := clip(c.in); whole && got != strconv.Quote(c.in) {
				t.Errorf("quote(%q) = %s, want it as %%q formats it", c.in, got)
			}
		})
	}
}

// TestHugeValues checks that a message about a value of any size, from
// the policy file, shows only its start and its length.
func TestHugeValues(t *testing.T) {
	const n = 1 << 20
	big := strings.Repeat("a", n)
	// cut is how prefix+big+tail is quoted: its first 80 characters, an
	// ellipsis and its length.
	cut := func(prefix, tail string) string {
		return strconv.Quote(prefix+strings.Repeat("a", 80-len(prefix))+"…") + " (" + strconv.Itoa(len(prefix)+n+len(tail)) + " bytes)"
	}
	near := strings.Repeat("a", 99) // close enough to be suggested
	cases := []struct {
		name, reason, src string
		want              []string
	}{
		{
			name: "unknown rule", reason: "a rule id is quoted cut; a key of over 1024 characters must be written explicitly (?)",
			src:  lines("version: 1", "rules:", "  ? x."+big, "  : {enabled: true}"),
			want: []string{"p.yml:3:5: rules: unknown rule " + cut("x.", "") + ` (run "oneway rules" to list the rules)`},
		},
		{
			name: "bad rule id", reason: "the id is cut, and so is the path of a setting below it, whole",
			src: lines("version: 1", "rules:", "  ? X"+big, "  : {weight: 0}"),
			want: []string{
				"p.yml:3:5: rules: bad rule id " + cut("X", "") + ": want family.name in lower case, e.g. data.shared-table",
				"p.yml:4:14: " + cut("rules.X", ".weight") + ": must be at least 1, got 0",
			},
		},
		{
			name: "component names", reason: "a bad name, a duplicate name and an unknown criticality are each cut",
			src: lines("version: 1", "components:",
				"  - {name: B"+big+", paths: [x]}",
				"  - {name: b"+big+", paths: [x]}",
				"  - {name: b"+big+", paths: [x], criticality: "+big+"}"),
			want: []string{
				"p.yml:3:12: components[0].name: bad component name " + cut("B", "") + ": use lower case letters, digits and . _ / -, starting with a letter or digit",
				"p.yml:5:12: components[2].name: duplicate component " + cut("b", "") + ", first declared as components[1]",
				"p.yml:5:" + strconv.Itoa(n+40) + ": components[2].criticality: unknown criticality " + cut("", "") + "; valid levels: low, normal, high",
			},
		},
		{
			name: "globs", reason: "component.CompileGlob's words, with the pattern and the bad segment cut",
			src: lines("version: 1", "components:", "  - name: web", "    paths:", "      - /"+big, "exclude:", "  - a/["+big),
			want: []string{
				"p.yml:5:9: components[0].paths[0]: pattern " + cut("/", "") + " must be relative to the module root, not absolute",
				"p.yml:7:5: exclude[0]: pattern " + cut("a/[", "") + ": bad segment " + cut("[", "") + ": syntax error in pattern",
			},
		},
		{
			name: "keys", reason: "an unknown key and a duplicate key are cut",
			src: lines("version: 1", "? "+big, ": 1", "weights:", "  ? "+big, "  : 1", "  ? "+big, "  : 2"),
			want: []string{
				"p.yml:2:3: unknown key " + cut("", "") + "; allowed keys: version, stage, components, allow, rules, thresholds, weights, exclude, roots",
				"p.yml:5:5: weights: unknown key " + cut("", "") + "; allowed keys: exposure, criticality, zone-of-pain, churn",
				"p.yml:7:5: weights: duplicate key " + cut("", "") + " (first at line 5)",
			},
		},
		{
			name: "allow", reason: "unknown components are cut, and so is the suggestion",
			src: lines("version: 1", "components: [{name: b"+near+", paths: [b]}]", "allow:",
				"  ? "+big, "  : [c"+near+"]"),
			want: []string{
				"p.yml:4:5: " + cut("allow.", "") + ": unknown component " + cut("", ""),
				"p.yml:5:6: " + cut("allow.", "[0]") + ": unknown component " + strconv.Quote("c"+near[:79]+"…") + " (100 bytes) (did you mean " + strconv.Quote("b"+near[:79]+"…") + " (100 bytes)?)",
			},
		},
		{
			name: "ignore pattern", reason: "a bad pattern of a rule's ignore list is cut",
			src:  lines("version: 1", "rules:", "  data.wide-table:", "    ignore:", `      - "[`+big+`"`),
			want: []string{"p.yml:5:9: rules.data.wide-table.ignore[0]: bad pattern " + cut("[", "") + ": syntax error in pattern"},
		},
		{
			name: "unknown anchor", reason: "the YAML library quotes an anchor's name whole; it is cut",
			src:  lines("version: 1", "stage: *"+big),
			want: []string{"p.yml:2:8: malformed YAML: unknown anchor " + cut("", "") + " referenced"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("p.yml", []byte(c.src), testRules())
			got := errorLines(t, err)
			for _, l := range got {
				if len(l) >= 400 || !strings.HasPrefix(l, "p.yml:") {
					t.Errorf("error of %d bytes, want under 400 starting with p.yml:line:col: %.200s", len(l), l)
				}
			}
			if t.Failed() {
				return // a diff of megabyte lines is no help
			}
			checkLines(t, "errors ("+c.reason+")", c.want, got)
		})
	}
}
