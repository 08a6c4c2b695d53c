package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/driver"

	"example.com/oneway-team/envrule"
)

// TestAuditWithTeamRules runs the custom binary's audit on a small
// service: the team's rule comes out weighed by the policy, classified,
// accepted by a directive where one says so, and in every format.
func TestAuditWithTeamRules(t *testing.T) {
	var out, errb bytes.Buffer
	code := driver.Run(context.Background(), "../../testdata/service", []string{"audit", "-format", "json", "./..."}, &out, &errb, envrule.Family())
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (an invest-now decision)\nstderr: %s", code, errb.String())
	}
	var rep struct {
		Decisions []struct {
			Rule, Class, File, Reason string
			Cost                      int
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range rep.Decisions {
		if d.Rule == envrule.RuleScatteredEnv {
			got[d.File] = d.Class
		}
	}
	want := map[string]string{
		"worker/worker.go": "invest-now", // weight 3 × public 3 × spread 1 × high criticality 3 = 27 ≥ the policy's 20
		"worker/legacy.go": "accepted",
	}
	for f, c := range want {
		if got[f] != c {
			t.Errorf("%s: class %q, want %q (all: %v)", f, got[f], c, got)
		}
	}
	if _, ok := got["config/config.go"]; ok {
		t.Error("the config package's own reads are reported")
	}

	for _, format := range []string{"text", "json"} {
		var o, e bytes.Buffer
		driver.Run(context.Background(), "../../testdata/service", []string{"audit", "-format", format, "./..."}, &o, &e, envrule.Family())
		if !strings.Contains(o.String(), envrule.RuleScatteredEnv) {
			t.Errorf("-format %s does not show the team's rule:\n%s", format, o.String())
		}
	}

	var rules bytes.Buffer
	driver.Run(context.Background(), ".", []string{"rules", envrule.RuleScatteredEnv}, &rules, &errb, envrule.Family())
	if !strings.Contains(rules.String(), "environment read outside the config package") {
		t.Errorf("oneway rules does not document the team's rule:\n%s", rules.String())
	}
}
