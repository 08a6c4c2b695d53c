package policy

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// schemaNodes reads schema.json and returns its subschemas by policy
// path, in the notation of sections: "" the top, "components[]" each
// component, "rules.*" each rule's entry. $refs are followed.
func schemaNodes(t *testing.T) (root map[string]any, nodes map[string]map[string]any) {
	t.Helper()
	data, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	if got, want := root["$schema"], "https://json-schema.org/draft/2020-12/schema"; got != want {
		t.Errorf("schema.json: $schema = %v, want %s", got, want)
	}
	nodes = map[string]map[string]any{}
	var walk func(path string, node map[string]any)
	walk = func(path string, node map[string]any) {
		node = resolve(t, root, node)
		nodes[path] = node
		if props, ok := node["properties"].(map[string]any); ok {
			for key, sub := range props {
				walk(join(path, key), sub.(map[string]any))
			}
		}
		if items, ok := node["items"].(map[string]any); ok {
			walk(path+"[]", items)
		}
		if more, ok := node["additionalProperties"].(map[string]any); ok {
			walk(join(path, "*"), more)
		}
		if pats, ok := node["patternProperties"].(map[string]any); ok {
			for _, sub := range pats {
				walk(join(path, "*"), sub.(map[string]any))
			}
		}
	}
	walk("", root)
	return root, nodes
}

// resolve follows a local $ref ("#/$defs/rule").
func resolve(t *testing.T, root, node map[string]any) map[string]any {
	t.Helper()
	ref, ok := node["$ref"].(string)
	if !ok {
		return node
	}
	var target any = root
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := target.(map[string]any)
		if !ok {
			t.Fatalf("schema.json: bad $ref %q", ref)
		}
		target = m[part]
	}
	m, ok := target.(map[string]any)
	if !ok {
		t.Fatalf("schema.json: $ref %q points nowhere", ref)
	}
	return resolve(t, root, m)
}

// TestSchemaKeys checks that, at every level, schema.json lists exactly
// the keys the parser accepts: both come from one table, sections, on
// the parser's side.
func TestSchemaKeys(t *testing.T) {
	_, nodes := schemaNodes(t)
	keyLines := func(sets map[string][]string) []string {
		var out []string
		for path, keys := range sets {
			keys = append([]string(nil), keys...)
			sort.Strings(keys)
			out = append(out, fmt.Sprintf("%q: %s", path, strings.Join(keys, " ")))
		}
		sort.Strings(out)
		return out
	}
	inSchema := map[string][]string{}
	for path, node := range nodes {
		if props, ok := node["properties"].(map[string]any); ok {
			for key := range props {
				inSchema[path] = append(inSchema[path], key)
			}
		}
	}
	inParser := map[string][]string{}
	for path, fields := range sections() {
		inParser[path] = keys(fields)
	}
	checkLines(t, "keys by mapping (-parser +schema.json)", keyLines(inParser), keyLines(inSchema))

	// The parser is strict wherever it has a fixed set of keys, except in
	// a rule's entry, whose options come from the rule catalogue.
	for path := range sections() {
		want := any(false)
		if path == "rules.*" {
			want = true
		}
		if got := nodes[path]["additionalProperties"]; got != want {
			t.Errorf("schema.json at %q: additionalProperties = %v, want %v", path, got, want)
		}
	}
}

func TestSchemaValues(t *testing.T) {
	root, nodes := schemaNodes(t)
	tests := []struct {
		name, reason string
		path, key    string // a value of the schema
		want         any    // as encoding/json decodes it
	}{
		{"version required", "version: 1 is required", "", "required", []any{"version"}},
		{"version", "the only version", "version", "const", 1.0},
		{"stages", "the valid stages, in order", "stage", "enum", anys(names(stages()))},
		{"default stage", "the stage when none is given", "stage", "default", string(Traction)},
		{"levels", "the valid criticality levels", "components[].criticality", "enum", anys(names(criticalities()))},
		{"default level", "the level when none is given", "components[].criticality", "default", string(Normal)},
		{"component name", "the form of component names", "components[].name", "pattern", componentNamePattern},
		{"component required", "a component has a name and paths", "components[]", "required", []any{"name", "paths"}},
		{"rule weight", "rule weights are at least 1", "rules.*.weight", "minimum", 1.0},
		{"enabled default", "rules are enabled by default", "rules.*.enabled", "default", true},
	}
	for _, k := range knobs() {
		tests = append(tests, struct {
			name, reason string
			path, key    string
			want         any
		}{k.path(), "the smallest valid value", k.path(), "minimum", float64(k.min)})
	}
	for _, tt := range tests {
		node, ok := nodes[tt.path]
		if !ok {
			t.Errorf("%s: schema.json has nothing at %q", tt.name, tt.path)
			continue
		}
		if got := node[tt.key]; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: schema.json at %q: %s = %#v, want %#v (%s)", tt.name, tt.path, tt.key, got, tt.want, tt.reason)
		}
	}

	// allow's keys are component names.
	props := root["properties"].(map[string]any)
	allowNames := props["allow"].(map[string]any)["propertyNames"].(map[string]any)["pattern"]
	if allowNames != componentNamePattern {
		t.Errorf("schema.json: allow's propertyNames pattern = %v, want %s", allowNames, componentNamePattern)
	}
}

// TestSchemaRuleIDs checks that the schema's pattern for rule ids agrees
// with finding.ValidID.
func TestSchemaRuleIDs(t *testing.T) {
	root, _ := schemaNodes(t)
	rules := root["properties"].(map[string]any)["rules"].(map[string]any)
	re := regexp.MustCompile(rules["propertyNames"].(map[string]any)["pattern"].(string))
	ids := []string{
		"data.shared-table", "api.unversioned-route", "coupling.cycle", "a1.b2-c3",
		"Data.shared", "data", "data.", ".x", "data.x-", "data.-x", "data.x_y", "data.x--y", "1a.b", "a.b.c",
	}
	for _, id := range ids {
		if got, want := re.MatchString(id), finding.ValidID(id); got != want {
			t.Errorf("rule id %q: schema.json says valid=%v, finding.ValidID says %v", id, got, want)
		}
	}
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
