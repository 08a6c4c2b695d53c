package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

func TestSARIF(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, full(), catalogue()); err != nil {
		t.Fatal(err)
	}
	golden(t, "full.sarif", b.Bytes())
}

// sarifSchemaFile is the official SARIF 2.1.0 JSON schema (OASIS, errata 01),
// kept in testdata so that every clone validates the SARIF output: see
// testdata/README.md for its origin and license.
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	cases := []struct {
		name   string
		reason string
		report *Report
	}{
		{"full", "every part of the model", full()},
		{"empty", "a clean audit still writes a valid log with empty results", &Report{Version: SchemaVersion, Tool: "(devel)"}},
		{"hostile", "strings from analysed code, including paths that are not URIs, stay valid", hostileReport()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := SARIF(&b, tc.report, catalogue()); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(&b)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("%s (%s): output is not valid SARIF 2.1.0: %v", tc.name, tc.reason, err)
			}
		})
	}
}

func TestSARIFResults(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, full(), catalogue()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				BaselineState       string            `json:"baselineState"`
				Suppressions        []struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppressions"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Properties struct {
					Cost  int    `json:"cost"`
					Class string `json:"class"`
				} `json:"properties"`
			} `json:"results"`
			Invocations []struct {
				Notifications []json.RawMessage `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	for _, res := range run.Results {
		if res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result of %s has ruleIndex %d, which is not its rule", res.RuleID, res.RuleIndex)
		}
	}
	byFP := map[string]int{}
	levels := map[string]string{}
	for i, res := range run.Results {
		byFP[res.PartialFingerprints[FingerprintKey]] = i
		levels[res.Properties.Class+" "+res.RuleID] = res.Level
	}
	for _, want := range []struct{ key, level string }{
		{"invest-now data.shared-table", "error"},
		{"cheap-later data.select-star", "note"},
		{"accepted data.schema-in-code", "note"},
		{" " + DirectiveRule, "warning"},
	} {
		if got := levels[want.key]; got != want.level {
			t.Errorf("%s: level %q, want %q", want.key, got, want.level)
		}
	}
	for _, fp := range []string{"7d0c1a5e", "7d0c1a5e:1", "a1b2c3d4"} {
		if _, ok := byFP[fp]; !ok {
			t.Errorf("no result has partial fingerprint %q (fingerprint[:occurrence])", fp)
		}
	}
	acc := run.Results[byFP["99aabbcc"]]
	if len(acc.Suppressions) != 1 || acc.Suppressions[0].Kind != "inSource" || acc.Suppressions[0].Justification != "ADR-7: migrations move to a tool in Q3" {
		t.Errorf("accepted decision's suppressions = %+v, want one inSource with the reason", acc.Suppressions)
	}
	if got := run.Results[byFP["e5f6a7b8"]].BaselineState; got != "unchanged" {
		t.Errorf("baselined decision has baselineState %q, want unchanged", got)
	}
	if got := run.Results[byFP["a1b2c3d4"]].BaselineState; got != "new" {
		t.Errorf("new decision has baselineState %q, want new", got)
	}
	loc := run.Results[byFP["a1b2c3d4"]].Locations[0].PhysicalLocation.ArtifactLocation
	if loc.URI != "orders/store.go" || loc.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifactLocation = %+v, want orders/store.go against %%SRCROOT%%", loc)
	}
	found := false
	for _, rl := range rules {
		if rl.ID == "api.storage-model-exposed" {
			found = true
			if rl.HelpURI != RulesDocURL+"#api.storage-model-exposed" {
				t.Errorf("helpUri = %q", rl.HelpURI)
			}
		}
	}
	if !found {
		t.Error("a decision's rule missing from the catalogue has no rule entry")
	}
	if n := len(run.Invocations[0].Notifications); n != 1 {
		t.Errorf("%d tool execution notifications, want 1 for the package that failed", n)
	}
}

func TestFileURI(t *testing.T) {
	cases := []struct{ name, in, want, reason string }{
		{"plain", "orders/store.go", "orders/store.go", "module-relative paths stay as they are"},
		{"space", "my dir/a.go", "my%20dir/a.go", "a space is not allowed in a URI"},
		{"colon", "c:x/a.go", "./c:x/a.go", "a colon in the first segment would read as a scheme"},
		{"backslash", `win\a.go`, "win/a.go", "paths use forward slashes"},
		{"percent", "100%/a.go", "100%25/a.go", "a percent sign starts an escape"},
	}
	for _, tc := range cases {
		if got := fileURI(tc.in); got != tc.want {
			t.Errorf("%s: fileURI(%q) = %q, want %q (%s)", tc.name, tc.in, got, tc.want, tc.reason)
		}
	}
}

// unescapeSARIFText is the inverse of sarifText: it reads a SARIF plain
// text message written by oneway as a consumer that knows placeholders
// (§3.11.5) and embedded links (§3.11.6) would, and fails on anything
// such a consumer would take for syntax: a brace that is not doubled
// (a placeholder), a bracket without a backslash before it (an embedded
// link), or a backslash before any other character.
func unescapeSARIFText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '}':
			if i+1 >= len(s) || s[i+1] != c {
				return "", fmt.Errorf("%c at byte %d is not doubled: a consumer reads it as part of a placeholder", c, i)
			}
			b.WriteByte(c)
			i++
		case '[', ']':
			return "", fmt.Errorf("%c at byte %d is not escaped: a consumer reads it as part of an embedded link", c, i)
		case '\\':
			if i+1 >= len(s) || !strings.ContainsRune(`\[]`, rune(s[i+1])) {
				return "", fmt.Errorf("backslash at byte %d escapes nothing a plain text message can escape", i)
			}
			b.WriteByte(s[i+1])
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func TestSARIFText(t *testing.T) {
	cases := []struct{ name, in, want, reason string }{
		{"plain", "table customers is written by 4 components", "table customers is written by 4 components", "a message without syntax stays as it is"},
		{"route", "GET /users/{id}", "GET /users/{{id}}", "literal braces are doubled (§3.11.5)"},
		{"placeholder", "{0}", "{{0}}", "{0} would be replaced by the first argument"},
		{"doubled", "{{", "{{{{", "each brace is doubled, including braces that are already doubled"},
		{"index", "x[0]", `x\[0\]`, "literal brackets are escaped with a backslash (§3.11.6)"},
		{"link", "[a](http://x)", `\[a\](http://x)`, "a link from analysed code is not an embedded link"},
		{"backslash", `a\b`, `a\\b`, "a literal backslash is escaped, so it cannot escape a bracket"},
		{"backslash bracket", `\[`, `\\\[`, "a backslash before a bracket stays a backslash and a bracket"},
		{"utf-8", "naïve [é] {ü}", `naïve \[é\] {{ü}}`, "other characters, multi-byte ones too, are copied"},
	}
	for _, tc := range cases {
		got := sarifText(tc.in)
		if got != tc.want {
			t.Errorf("%s: sarifText(%q) = %q, want %q (%s)", tc.name, tc.in, got, tc.want, tc.reason)
		}
		if back, err := unescapeSARIFText(got); err != nil || back != tc.in {
			t.Errorf("%s: unescaping %q gives %q, %v; want %q", tc.name, got, back, err, tc.in)
		}
	}
	if back, err := unescapeSARIFText(sarifText(hostile)); err != nil || back != hostile {
		t.Errorf("the hostile string does not survive escaping and unescaping: %q, %v", back, err)
	}
}

// TestSARIFMessageEscaping checks that every plain text message in the
// SARIF log (result, related location, notification and rule texts) is
// escaped: braces and brackets from the analysed code are neither
// placeholders nor embedded links, and unescaping gives the original.
func TestSARIFMessageEscaping(t *testing.T) {
	const m = `GET /users/{id} reads x[0] and {{ from a\b, see [a](http://x)`
	d := Decision{
		Rule: "api.unversioned-route", Class: InvestNow, Cost: 9, Breakdown: "9 = base 3 × exposure {3}",
		File: "web/routes.go", Line: 10, Column: 2, Message: m, Component: "web",
		Related: []Location{{File: "web/users.go", Line: 3, Message: m}},
	}
	r := &Report{
		Version: SchemaVersion, Tool: "test", Stage: "traction", Threshold: 40,
		Decisions: []Decision{d},
		Problems: []Problem{
			{Kind: DirectiveProblem, File: "web/routes.go", Line: 9, Message: m},
			{Kind: PackageProblem, Package: "example.com/{x}", Message: m},
		},
	}
	rules := []finding.Rule{{ID: "api.unversioned-route", Title: m, Doc: m}}
	var b bytes.Buffer
	if err := SARIF(&b, r, rules); err != nil {
		t.Fatal(err)
	}
	var log any
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	// Every "text" in the log is the text of a message or of a
	// multiformatMessageString.
	seen := map[string]int{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "text" {
					back, err := unescapeSARIFText(s)
					if err != nil {
						t.Errorf("%s.text = %q: %v", path, s, err)
						continue
					}
					seen[back]++
					continue
				}
				walk(path+"."+k, x)
			}
		case []any:
			for i, x := range v {
				walk(path+"["+strconv.Itoa(i)+"]", x)
			}
		}
	}
	walk("$", log)
	for _, want := range []struct {
		text, where string
		n           int
	}{
		{decisionText(d), "the result's message", 1},
		{m, "the related location's and the directive problem's messages, the rule's short and full descriptions and help", 5},
		{"example.com/{x}: " + m, "the notification of the package that failed", 1},
	} {
		if got := seen[want.text]; got != want.n {
			t.Errorf("%d texts unescape to %q, want %d (%s)", got, want.text, want.n, want.where)
		}
	}
}
