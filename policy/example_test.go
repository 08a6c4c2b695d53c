package policy

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// exampleRules is the catalogue example.yml is checked against: the real
// rules, and test rules for the ids the example uses that the real
// catalogue does not have yet. Once a real rule has one of those ids,
// the example is checked against the real rule, options and all.
func exampleRules() []finding.Rule {
	rules := analyzers.Rules()
	real := catalogOf(rules)
	for _, r := range testRules() {
		if _, ok := real[r.ID]; !ok {
			rules = append(rules, r)
		}
	}
	return rules
}

func TestExample(t *testing.T) {
	data, err := os.ReadFile("example.yml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("example.yml", data, exampleRules())
	if err != nil {
		t.Fatalf("example.yml does not parse:\n%v", err)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("example.yml does not validate:\n%v", err)
	}
	// What the example shows, in brief.
	want := []string{
		"version 1",
		"stage traction",
		"component billing: paths [internal/billing/... cmd/billing] criticality high public [internal/billing/api]",
		"component web: paths [internal/web/... cmd/web] criticality normal public []",
		"component store: paths [internal/store/...] criticality high public []",
		"component tools: paths [tools/... cmd/*] criticality low public []",
		"allow web: [billing store]",
		"allow billing: [store]",
		"allow store: []",
		"allow tools: [*]",
		`rule api.unversioned-route: weight 3 ignore ["/healthz" "/metrics" "/debug/*"] version-pattern="^v[0-9]+$"`,
		"rule data.shared-table: enabled true",
		"rule data.wide-table: max-columns=40",
		"thresholds: invest-now 40",
		"exposure: internal 2 cross-module 3 data 3 public 3",
		"criticality: low 1 normal 2 high 3",
		"exclude [internal/gen/... **/*_gen.go **/*.pb.go]",
	}
	checkLines(t, "example.yml", want, dump(p))
}

// TestExampleSetsEveryKey checks that example.yml shows every key of
// every mapping the parser accepts.
func TestExampleSetsEveryKey(t *testing.T) {
	data, err := os.ReadFile("example.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	secs := sections()
	seen := map[string]map[string]bool{}
	var walk func(path string, n *yaml.Node)
	walk = func(path string, n *yaml.Node) {
		switch n.Kind {
		case yaml.SequenceNode:
			for _, item := range n.Content {
				walk(path+"[]", item)
			}
		case yaml.MappingNode:
			_, fixed := secs[path] // else its keys are names: rule ids, components
			for i := 0; i+1 < len(n.Content); i += 2 {
				key := n.Content[i].Value
				if !fixed {
					walk(join(path, "*"), n.Content[i+1])
					continue
				}
				if seen[path] == nil {
					seen[path] = map[string]bool{}
				}
				seen[path][key] = true
				walk(join(path, key), n.Content[i+1])
			}
		}
	}
	walk("", doc.Content[0])

	var missing []string
	for path, fields := range secs {
		for _, k := range keys(fields) {
			if !seen[path][k] {
				missing = append(missing, fmt.Sprintf("%q: %s", path, k))
			}
		}
	}
	sort.Strings(missing)
	checkLines(t, "keys example.yml does not set", nil, missing)
}

func TestDefaultFile(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal(DefaultBytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	top := doc.Content[0]
	for i := 0; i < len(top.Content); i += 2 {
		keys = append(keys, top.Content[i].Value)
	}
	checkLines(t, "keys of default.yml (version and stage, written out; nothing else)", []string{"version", "stage"}, keys)
	if top.Content[0].HeadComment == "" {
		t.Error("default.yml: version has no comment; the default policy explains itself")
	}
}
