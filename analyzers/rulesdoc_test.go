package analyzers

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the rule catalogue")

// TestRulesDoc keeps docs/rules.md, which SARIF helpUri and the README
// link to, the same as the catalogue (go test ./analyzers -update
// rewrites it).
func TestRulesDoc(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("# oneway rules\n\n")
	b.WriteString("Generated from the rule catalogue by `go test ./analyzers -update`; `oneway rules` prints the same.\n")
	b.WriteString("Every rule takes `enabled`, `weight` and `ignore` (subject globs) under `rules.<id>` in the policy.\n\n")
	b.WriteString("| rule | summary | weight | decided by |\n|---|---|---|---|\n")
	for _, r := range Rules() {
		by := "every driver"
		if r.Global {
			by = "oneway audit"
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %d | %s |\n", r.ID, r.ID, r.Summary, r.Weight, by)
	}
	for _, r := range Rules() {
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n\n## %s — %s\n\n%s\n\n", r.ID, r.ID, r.Title, strings.TrimSpace(r.Doc))
		fmt.Fprintf(&b, "Default weight %d.", r.Weight)
		if r.Global {
			b.WriteString(" Needs the whole program: decided by `oneway audit`; per-package drivers show partial evidence or nothing.")
		}
		b.WriteString("\n")
		if len(r.Options) > 0 {
			b.WriteString("\n| option | type | default | meaning |\n|---|---|---|---|\n")
			for _, o := range r.Options {
				fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s |\n", o.Name, o.Type, strings.ReplaceAll(o.Default, "|", `\|`), strings.ReplaceAll(o.Doc, "|", `\|`))
			}
		}
	}
	const path = "../docs/rules.md"
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./analyzers -update writes it)", err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Errorf("docs/rules.md is out of date with the rule catalogue: run go test ./analyzers -update")
	}
}

// TestAnalyzerDocs: every analyzer that reports rules documents them one
// way (finding.AnalyzerDoc): a summary line as go/analysis asks (lower
// case, no period), then each per-package rule of its family with its
// section of docs/rules.md, which its URL points at too.
func TestAnalyzerDocs(t *testing.T) {
	for _, f := range Families() {
		perPackage := map[string]bool{}
		for _, r := range f.Rules {
			if !r.Global {
				perPackage[r.ID] = true
			}
		}
		listed := map[string]bool{}
		for _, a := range f.New(family.Settings{}) {
			summary, _, _ := strings.Cut(a.Doc, "\n")
			if summary == "" || strings.HasSuffix(summary, ".") || strings.ToLower(summary[:1]) != summary[:1] {
				t.Errorf("%s: summary line %q: lower case, no period", a.Name, summary)
			}
			id, ok := strings.CutPrefix(a.URL, finding.RulesPage+"#")
			if !ok || !perPackage[id] {
				t.Errorf("%s: URL %q is no section of %s for a rule of family %s", a.Name, a.URL, finding.RulesPage, f.Name)
			}
			for rid := range perPackage {
				if strings.Contains(a.Doc, "\n  "+rid+"  "+finding.DocURL(rid)) {
					listed[rid] = true
				}
			}
		}
		for rid := range perPackage {
			if !listed[rid] {
				t.Errorf("family %s: no analyzer's Doc lists rule %s with its URL", f.Name, rid)
			}
		}
	}
}
