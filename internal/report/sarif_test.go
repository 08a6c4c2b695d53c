package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func TestSARIF(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, full(), catalogue()); err != nil {
		t.Fatal(err)
	}
	golden(t, "full.sarif", b.Bytes())
}

// sarifSchemaPath finds the official SARIF 2.1.0 schema, which the
// project keeps beside the repository in shared/schemas, by walking up
// from the test's directory.
func sarifSchemaPath(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "schemas", "sarif-schema-2.1.0.json")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("the SARIF 2.1.0 schema (shared/schemas/sarif-schema-2.1.0.json beside the repository) is not here: cannot validate SARIF output")
		}
		dir = parent
	}
}

func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(sarifSchemaPath(t))
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
