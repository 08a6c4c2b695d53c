package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
	"testing"
)

// allKeys is the list of top-level keys, as the unknown-key messages give it.
const allKeys = "version, stage, components, allow, rules, thresholds, weights, exclude, roots"

// laughs is a "billion laughs" document: resolving its last alias would
// make 9^9 strings.
var laughs = lines(
	"version: 1",
	"lol:",
	`  - &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`,
	"  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
	"  - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
	"  - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
	"  - &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
	"  - &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
	"  - &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
	"  - &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]",
	"  - &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]",
	"exclude: *i",
)

// parseCase is a policy and what parsing it gives: the errors, or a
// dump of the policy.
type parseCase struct {
	name, reason string
	src          string
	want         []string
}

// parseErrorCases are broken policies and their exact errors. The fuzz
// test starts from them.
func parseErrorCases() []parseCase {
	return []parseCase{
		// The document.
		{
			name: "empty file", reason: "a policy must at least say its version",
			src:  "",
			want: []string{"p.yml:1:1: empty policy: version: 1 is required"},
		},
		{
			name: "comments only", reason: "comments are no document",
			src:  lines("# a policy, some day"),
			want: []string{"p.yml:1:1: empty policy: version: 1 is required"},
		},
		{
			name: "empty document", reason: "a document marker alone holds nothing",
			src:  lines("---"),
			want: []string{"p.yml:1:1: empty policy: version: 1 is required"},
		},
		{
			name: "null document", reason: "a document that is null holds nothing",
			src:  lines("~"),
			want: []string{"p.yml:1:1: empty policy: version: 1 is required"},
		},
		{
			name: "unclosed flow list", reason: "YAML syntax errors are reported at their line; for parser errors, the line the unclosed construct starts",
			src:  lines("version: 1", "stage: [traction", "exclude: []"),
			want: []string{"p.yml:2:1: malformed YAML: did not find expected ',' or ']'"},
		},
		{
			name: "bad indentation", reason: "a mapping indented under a scalar is a syntax error",
			src:  lines("version: 1", "stage: traction", "  weights: {}"),
			want: []string{"p.yml:3:1: malformed YAML: mapping values are not allowed in this context"},
		},
		{
			name: "tab indentation", reason: "YAML forbids tabs for indentation",
			src:  lines("version: 1", "\tstage: scale"),
			want: []string{"p.yml:2:1: malformed YAML: found a tab character that violates indentation"},
		},
		{
			name: "error on line 1", reason: "the YAML library gives no line for errors on line 1",
			src:  lines("version: 1: 2"),
			want: []string{"p.yml:1:1: malformed YAML: mapping values are not allowed in this context"},
		},
		{
			name: "control character", reason: "the YAML library gives no line for bad characters; they are looked up",
			src:  lines("version: 1", "stage: tr\x01action"),
			want: []string{"p.yml:2:10: malformed YAML: control characters are not allowed"},
		},
		{
			name: "invalid UTF-8", reason: "bytes that are not UTF-8 are looked up too",
			src:  lines("version: 1", "components:", "  - name: caf\xe9"),
			want: []string{"p.yml:3:14: malformed YAML: incomplete UTF-8 octet sequence"},
		},
		{
			name: "unknown anchor", reason: "the alias of an unknown anchor is looked up",
			src:  lines("version: 1", "stage: *s"),
			want: []string{"p.yml:2:8: malformed YAML: unknown anchor 's' referenced"},
		},
		{
			name: "two documents", reason: "a policy is one document; a second is likely a mistake in concatenation",
			src:  lines("version: 1", "---", "version: 1"),
			want: []string{"p.yml:2:1: more than one YAML document; a policy is a single document"},
		},
		{
			name: "two documents, first invalid", reason: "the first document is still checked, so that all problems come at once",
			src: lines("version: 1", "stage: growth", "---", "stage: scale"),
			want: []string{
				`p.yml:2:8: stage: unknown stage "growth"; valid stages: explore, traction, scale`,
				"p.yml:3:1: more than one YAML document; a policy is a single document",
			},
		},
		{
			name: "malformed second document", reason: "a syntax error in a second document is reported as such",
			src:  lines("version: 1", "---", "stage: [", "x: y"),
			want: []string{"p.yml:3:1: malformed YAML: did not find expected ',' or ']'"},
		},
		{
			name: "top-level list", reason: "a policy is a mapping; nothing else is reported, as nothing else could be read",
			src:  lines("- version: 1"),
			want: []string{"p.yml:1:1: expected a mapping, got a list"},
		},
		{
			name: "top-level scalar", reason: "a missing colon makes the whole document one string",
			src:  lines("version 1"),
			want: []string{"p.yml:1:1: expected a mapping, got a string"},
		},

		// version
		{
			name: "version missing", reason: "version is required; the problem is at the top of the policy",
			src:  lines("stage: scale"),
			want: []string{"p.yml:1:1: version: 1 is required"},
		},
		{
			name: "version missing after comments", reason: "the top of the policy is its first key, not line 1",
			src:  lines("# our policy", "stage: scale"),
			want: []string{"p.yml:2:1: version: 1 is required"},
		},
		{
			name: "version unsupported", reason: "only version 1 exists",
			src:  lines("version: 2"),
			want: []string{"p.yml:1:10: version: unsupported version 2; this oneway reads version 1"},
		},
		{
			name: "version zero", reason: "0 is no version",
			src:  lines("version: 0"),
			want: []string{"p.yml:1:10: version: 1 is required"},
		},
		{
			name: "version quoted", reason: "a quoted number is a string in YAML; only the type error is reported",
			src:  lines(`version: "1"`),
			want: []string{"p.yml:1:10: version: expected an integer, got a string"},
		},
		{
			name: "version null", reason: "a key without a value is null, not a version",
			src:  lines("version:"),
			want: []string{"p.yml:1:9: version: expected an integer, got null"},
		},

		// Unknown keys.
		{
			name: "top-level typo", reason: "an unknown key is an error that suggests the closest key and lists the allowed ones",
			src:  lines("version: 1", "stge: scale"),
			want: []string{`p.yml:2:1: unknown key "stge" (did you mean "stage"?); allowed keys: ` + allKeys},
		},
		{
			name: "top-level unknown", reason: "no suggestion when no key is close",
			src:  lines("version: 1", "owner: team-a"),
			want: []string{`p.yml:2:1: unknown key "owner"; allowed keys: ` + allKeys},
		},
		{
			name: "component key", reason: "components accept their own keys only",
			src:  lines("version: 1", "components:", "  - name: web", "    paths: [web]", "    owner: me"),
			want: []string{`p.yml:5:5: components[0]: unknown key "owner"; allowed keys: name, paths, criticality, public`},
		},
		{
			name: "rule option typo", reason: "a rule accepts the common keys and its own options, and says which",
			src:  lines("version: 1", "rules:", "  data.wide-table:", "    max-column: 3"),
			want: []string{`p.yml:4:5: rules.data.wide-table: unknown key "max-column" (did you mean "max-columns"?); allowed keys: enabled, weight, ignore, max-columns, tables, strict`},
		},
		{
			name: "option of another rule", reason: "options belong to their rule",
			src:  lines("version: 1", "rules:", "  data.shared-table:", "    max-columns: 3"),
			want: []string{`p.yml:4:5: rules.data.shared-table: unknown key "max-columns"; allowed keys: enabled, weight, ignore`},
		},
		{
			name: "exposure key", reason: "weights.exposure has a fixed set of keys",
			src:  lines("version: 1", "weights:", "  exposure:", "    privat: 2"),
			want: []string{`p.yml:4:5: weights.exposure: unknown key "privat"; allowed keys: internal, cross-module, data, public`},
		},
		{
			name: "weights key", reason: "weights has two sections",
			src:  lines("version: 1", "weights:", "  stage: 1"),
			want: []string{`p.yml:3:3: weights: unknown key "stage"; allowed keys: exposure, criticality, zone-of-pain, churn`},
		},
		{
			name: "thresholds key", reason: "keys use dashes, and a near miss is suggested",
			src:  lines("version: 1", "thresholds:", "  invest_now: 30"),
			want: []string{`p.yml:3:3: thresholds: unknown key "invest_now" (did you mean "invest-now"?); allowed keys: invest-now`},
		},

		// Wrong types.
		{
			name: "stage list", reason: "a list where a string belongs",
			src:  lines("version: 1", "stage: [scale]"),
			want: []string{"p.yml:2:8: stage: expected a string, got a list"},
		},
		{
			name: "stage null", reason: "a scalar setting without a value is an error, not its default",
			src:  lines("version: 1", "stage:"),
			want: []string{"p.yml:2:7: stage: expected a string, got null"},
		},
		{
			name: "stage tagged", reason: "values with application tags are not strings",
			src:  lines("version: 1", "stage: !fancy scale"),
			want: []string{"p.yml:2:8: stage: expected a string, got a value tagged !fancy"},
		},
		{
			name: "components mapping", reason: "components is a list, so that it has an order",
			src:  lines("version: 1", "components:", "  web: [web]"),
			want: []string{"p.yml:3:3: components: expected a list, got a mapping"},
		},
		{
			name: "component string", reason: "each component is a mapping; the name alone is not enough",
			src:  lines("version: 1", "components: [web]"),
			want: []string{"p.yml:2:14: components[0]: expected a mapping, got a string"},
		},
		{
			name: "component null", reason: "an empty list item is not a component",
			src:  lines("version: 1", "components:", "  -", "  - {name: web, paths: [web]}"),
			want: []string{"p.yml:3:4: components[0]: expected a mapping, got null"},
		},
		{
			name: "paths string", reason: "paths is a list; its type error is not also reported as a component without paths",
			src:  lines("version: 1", "components:", "  - name: web", "    paths: web"),
			want: []string{"p.yml:4:12: components[0].paths: expected a list, got a string"},
		},
		{
			name: "name list", reason: "its type error is not also reported as a component without a name",
			src:  lines("version: 1", "components:", "  - name: [web]", "    paths: [web]"),
			want: []string{"p.yml:3:11: components[0].name: expected a string, got a list"},
		},
		{
			name: "criticality number", reason: "numbers are read as text in string settings, and then checked",
			src:  lines("version: 1", "components:", "  - name: web", "    paths: [web]", "    criticality: 3"),
			want: []string{`p.yml:5:18: components[0].criticality: unknown criticality "3"; valid levels: low, normal, high`},
		},
		{
			name: "enabled yes", reason: "in YAML 1.2 yes is a string, not a boolean",
			src:  lines("version: 1", "rules:", "  data.shared-table:", "    enabled: yes"),
			want: []string{"p.yml:4:14: rules.data.shared-table.enabled: expected a boolean (true or false), got a string"},
		},
		{
			name: "weight float", reason: "weights are integers",
			src:  lines("version: 1", "rules:", "  data.shared-table:", "    weight: 2.5"),
			want: []string{"p.yml:4:13: rules.data.shared-table.weight: expected an integer, got a number"},
		},
		{
			name: "threshold too big", reason: "YAML reads an integer too big for 64 bits as a float",
			src:  lines("version: 1", "thresholds:", "  invest-now: 99999999999999999999"),
			want: []string{"p.yml:3:15: thresholds.invest-now: expected an integer, got a number"},
		},
		{
			name: "allow string", reason: "a component's allowed dependencies are a list",
			src:  lines("version: 1", "components:", "  - {name: web, paths: [web]}", "  - {name: store, paths: [store]}", "allow:", "  web: store"),
			want: []string{"p.yml:6:8: allow.web: expected a list, got a string"},
		},
		{
			name: "allow item mapping", reason: "the items of an allow list are component names",
			src:  lines("version: 1", "components:", "  - {name: web, paths: [web]}", "allow:", "  web: [{name: web}]"),
			want: []string{"p.yml:5:9: allow.web[0]: expected a string, got a mapping"},
		},
		{
			name: "rules list", reason: "rules is a mapping by rule id",
			src:  lines("version: 1", "rules: [data.shared-table]"),
			want: []string{"p.yml:2:8: rules: expected a mapping, got a list"},
		},
		{
			name: "rule boolean", reason: "a rule's entry is a mapping; enable or disable it with enabled:",
			src:  lines("version: 1", "rules:", "  data.shared-table: false"),
			want: []string{"p.yml:3:22: rules.data.shared-table: expected a mapping, got a boolean"},
		},
		{
			name: "unknown rule boolean", reason: "both the id and the entry are wrong, and both are reported",
			src: lines("version: 1", "rules:", "  data.shard-table: false"),
			want: []string{
				`p.yml:3:3: rules: unknown rule "data.shard-table" (did you mean "data.shared-table"?)`,
				"p.yml:3:21: rules.data.shard-table: expected a mapping, got a boolean",
			},
		},
		{
			name: "exclude string", reason: "exclude is a list of globs",
			src:  lines("version: 1", `exclude: "gen/..."`),
			want: []string{"p.yml:2:10: exclude: expected a list, got a string"},
		},
		{
			name: "ignore string", reason: "ignore is a list of patterns",
			src:  lines("version: 1", "rules:", "  api.unversioned-route:", "    ignore: /healthz"),
			want: []string{"p.yml:4:13: rules.api.unversioned-route.ignore: expected a list, got a string"},
		},
		{
			name: "key not a string", reason: "YAML allows complex keys; a policy does not",
			src:  lines("version: 1", "? [stage]", ": scale"),
			want: []string{"p.yml:2:3: expected a string key, got a list"},
		},

		// Stages and criticality levels.
		{
			name: "stage unknown", reason: "the message lists the valid stages",
			src:  lines("version: 1", "stage: growth"),
			want: []string{`p.yml:2:8: stage: unknown stage "growth"; valid stages: explore, traction, scale`},
		},
		{
			name: "stage capitalised", reason: "stages are lower case; the near miss is suggested",
			src:  lines("version: 1", "stage: Scale"),
			want: []string{`p.yml:2:8: stage: unknown stage "Scale" (did you mean "scale"?); valid stages: explore, traction, scale`},
		},
		{
			name: "stage empty", reason: "an empty string is no stage",
			src:  lines("version: 1", `stage: ""`),
			want: []string{`p.yml:2:8: stage: unknown stage ""; valid stages: explore, traction, scale`},
		},
		{
			name: "criticality unknown", reason: "the message lists the valid levels",
			src:  lines("version: 1", "components:", "  - name: web", "    paths: [web]", "    criticality: critical"),
			want: []string{`p.yml:5:18: components[0].criticality: unknown criticality "critical"; valid levels: low, normal, high`},
		},
		{
			name: "criticality typo", reason: "a transposition is a near miss",
			src:  lines("version: 1", "components:", "  - name: web", "    paths: [web]", "    criticality: hihg"),
			want: []string{`p.yml:5:18: components[0].criticality: unknown criticality "hihg" (did you mean "high"?); valid levels: low, normal, high`},
		},

		// Rule ids.
		{
			name: "rule unknown, close", reason: "the closest known id is suggested",
			src:  lines("version: 1", "rules:", "  api.unversioned-routes:", "    weight: 2"),
			want: []string{`p.yml:3:3: rules: unknown rule "api.unversioned-routes" (did you mean "api.unversioned-route"?)`},
		},
		{
			name: "rule unknown, far", reason: "with no close id, the message says where the list is",
			src:  lines("version: 1", "rules:", "  coupling.layers: {}"),
			want: []string{`p.yml:3:3: rules: unknown rule "coupling.layers" (run "oneway rules" to list the rules)`},
		},
		{
			name: "rule id capitalised", reason: "ids are lower case family.name",
			src:  lines("version: 1", "rules:", "  Data.Shared-Table: {}"),
			want: []string{`p.yml:3:3: rules: bad rule id "Data.Shared-Table": want family.name in lower case, e.g. data.shared-table`},
		},
		{
			name: "rule id without family", reason: "ids have a family",
			src:  lines("version: 1", "rules:", "  shared-table: {}"),
			want: []string{`p.yml:3:3: rules: bad rule id "shared-table": want family.name in lower case, e.g. data.shared-table`},
		},
		{
			name: "unknown rule, common keys checked", reason: "the common keys of an unknown rule are checked; its options cannot be",
			src: lines("version: 1", "rules:", "  data.wide-tables:", "    max-columns: many", "    weight: 0"),
			want: []string{
				`p.yml:3:3: rules: unknown rule "data.wide-tables" (did you mean "data.wide-table"?)`,
				"p.yml:5:13: rules.data.wide-tables.weight: must be at least 1, got 0",
			},
		},

		// Globs.
		{
			name: "bad paths", reason: "every bad glob is reported with component.CompileGlob's words, and not as a component without paths",
			src: lines("version: 1", "components:", "  - name: web", `    paths: ["/srv/web", "internal/.../web", ""]`),
			want: []string{
				`p.yml:4:13: components[0].paths[0]: pattern "/srv/web" must be relative to the module root, not absolute`,
				`p.yml:4:25: components[0].paths[1]: pattern "internal/.../web": "..." may only end a pattern; use "**" in the middle`,
				"p.yml:4:45: components[0].paths[2]: empty pattern",
			},
		},
		{
			name: "bad public and exclude", reason: "public and exclude are globs too",
			src: lines("version: 1", "components:", "  - name: web", "    paths: [web]", `    public: ["web\\api"]`, `exclude: ["gen/[a-"]`),
			want: []string{
				`p.yml:5:14: components[0].public[0]: pattern "web\\api" must use forward slashes`,
				`p.yml:6:11: exclude[0]: pattern "gen/[a-": bad segment "[a-": syntax error in pattern`,
			},
		},

		// Components.
		{
			name: "duplicate component", reason: "names identify components",
			src:  lines("version: 1", "components:", "  - {name: web, paths: [web]}", "  - {name: web, paths: [cmd/web]}"),
			want: []string{`p.yml:4:12: components[1].name: duplicate component "web", first declared as components[0]`},
		},
		{
			name: "no paths", reason: "a component without paths holds nothing; a missing key is reported at the component",
			src: lines("version: 1", "components:", "  - name: web", "    paths: []", "  - name: api"),
			want: []string{
				"p.yml:4:5: components[0].paths: a component needs at least one path",
				"p.yml:5:5: components[1].paths: a component needs at least one path",
			},
		},
		{
			name: "no name", reason: "a component needs a name",
			src:  lines("version: 1", "components:", "  - paths: [web]"),
			want: []string{"p.yml:3:5: components[0].name: a component needs a name"},
		},
		{
			name: "names not simple", reason: "names are lower case words that read well in reports and paths",
			src: lines("version: 1", "components:",
				"  - {name: Web, paths: [a]}",
				"  - {name: -web, paths: [b]}",
				`  - {name: "web app", paths: [c]}`,
				"  - {name: platform/db, paths: [d]}"),
			want: []string{
				`p.yml:3:12: components[0].name: bad component name "Web": use lower case letters, digits and . _ / -, starting with a letter or digit`,
				`p.yml:4:12: components[1].name: bad component name "-web": use lower case letters, digits and . _ / -, starting with a letter or digit`,
				`p.yml:5:12: components[2].name: bad component name "web app": use lower case letters, digits and . _ / -, starting with a letter or digit`,
			},
		},

		// allow
		{
			name: "allow undeclared", reason: "allow names declared components; * stands for any, in lists only",
			src: lines("version: 1", "components:",
				"  - {name: web, paths: [web]}",
				"  - {name: store, paths: [store]}",
				"allow:",
				`  web: [stor, "*"]`,
				"  wbe: [web]",
				`  "*": [web]`),
			want: []string{
				`p.yml:6:9: allow.web[0]: unknown component "stor" (did you mean "store"?)`,
				`p.yml:7:3: allow.wbe: unknown component "wbe" (did you mean "web"?)`,
				`p.yml:8:3: allow.*: "*" stands for any component and may only appear in a list`,
			},
		},
		// Numbers.
		{
			name: "weights below one", reason: "a weight of 0 would zero every cost; weights are at least 1",
			src: lines("version: 1", "weights:", "  exposure: {internal: 0, public: -3}", "  criticality:", "    high: 0"),
			want: []string{
				"p.yml:3:24: weights.exposure.internal: must be at least 1, got 0",
				"p.yml:3:35: weights.exposure.public: must be at least 1, got -3",
				"p.yml:5:11: weights.criticality.high: must be at least 1, got 0",
			},
		},
		{
			name: "rule weight zero", reason: "a rule's weight is at least 1; disable a rule with enabled: false",
			src:  lines("version: 1", "rules:", "  coupling.cycle: {weight: 0}"),
			want: []string{"p.yml:3:28: rules.coupling.cycle.weight: must be at least 1, got 0"},
		},
		{
			name: "threshold negative", reason: "thresholds are not negative",
			src:  lines("version: 1", "thresholds: {invest-now: -1}"),
			want: []string{"p.yml:2:26: thresholds.invest-now: must not be negative, got -1"},
		},

		// Duplicate keys.
		{
			name: "duplicate top-level key", reason: "YAML forbids duplicate keys; the library does not check it on nodes",
			src:  lines("version: 1", "stage: scale", "stage: explore"),
			want: []string{`p.yml:3:1: duplicate key "stage" (first at line 2)`},
		},
		{
			name: "duplicate component key", reason: "duplicate keys are found at every level",
			src:  lines("version: 1", "components:", "  - name: web", "    paths: [web]", "    name: api"),
			want: []string{`p.yml:5:5: components[0]: duplicate key "name" (first at line 3)`},
		},
		{
			name: "duplicate rule", reason: "a rule's settings are in one place",
			src:  lines("version: 1", "rules:", "  data.shared-table: {}", "  data.shared-table: {enabled: false}"),
			want: []string{`p.yml:4:3: rules: duplicate key "data.shared-table" (first at line 3)`},
		},
		{
			name: "duplicate allow", reason: "a component's allowed dependencies are in one list",
			src:  lines("version: 1", "components:", "  - {name: web, paths: [web]}", "allow:", "  web: []", "  web: [web]"),
			want: []string{`p.yml:6:3: allow: duplicate key "web" (first at line 5)`},
		},

		// Aliases.
		{
			name: "alias value", reason: "aliases are rejected, never followed",
			src:  lines("version: 1", "components:", "  - &web {name: web, paths: [web]}", "  - *web"),
			want: []string{"p.yml:4:5: components[1]: YAML aliases are not supported; write the value out"},
		},
		{
			name: "alias key", reason: "aliases are rejected as keys too",
			src:  lines("version: 1", "&s stage: scale", "*s : explore"),
			want: []string{"p.yml:3:1: YAML aliases are not supported; write the value out"},
		},
		{
			name: "billion laughs", reason: "an alias bomb is rejected without being expanded",
			src: laughs,
			want: []string{
				`p.yml:2:1: unknown key "lol"; allowed keys: ` + allKeys,
				"p.yml:12:10: exclude: YAML aliases are not supported; write the value out",
			},
		},

		// Rule options and ignore patterns.
		{
			name: "option types", reason: "options are decoded by their declared type",
			src: lines("version: 1", "rules:",
				"  data.wide-table:",
				"    max-columns: many",
				"    tables: events",
				`    strict: "no"`,
				"  api.unversioned-route:",
				"    version-pattern: [v1, v2]"),
			want: []string{
				"p.yml:4:18: rules.data.wide-table.max-columns: expected an integer, got a string",
				"p.yml:5:13: rules.data.wide-table.tables: expected a list, got a string",
				"p.yml:6:13: rules.data.wide-table.strict: expected a boolean (true or false), got a string",
				"p.yml:8:22: rules.api.unversioned-route.version-pattern: expected a string, got a list",
			},
		},
		{
			name: "strings option item", reason: "each item of a list option is checked",
			src:  lines("version: 1", "rules:", "  data.wide-table:", "    tables: [events, {name: x}]"),
			want: []string{"p.yml:4:22: rules.data.wide-table.tables[1]: expected a string, got a mapping"},
		},
		{
			name: "ignore bad pattern", reason: "ignore patterns are checked for path.Match syntax",
			src:  lines("version: 1", "rules:", "  api.unversioned-route:", `    ignore: ["/v1/[", "/ok"]`),
			want: []string{`p.yml:4:14: rules.api.unversioned-route.ignore[0]: bad pattern "/v1/[": syntax error in pattern`},
		},

		// All at once.
		{
			name: "every problem at once", reason: "Parse returns all problems, sorted by position, not the first",
			src: lines(
				"version: 3",
				"stage: scael",
				"components:",
				"  - name: Billing",
				"    paths: []",
				"    criticality: extreme",
				"allow:",
				"  web: [billing]",
				"rules:",
				"  data.shared-tabel: {}",
				"thresholds: {invest-now: -5}",
				"weights: {exposure: {data: 0}}",
				`exclude: ["/abs"]`,
				"colour: blue",
			),
			want: []string{
				"p.yml:1:10: version: unsupported version 3; this oneway reads version 1",
				`p.yml:2:8: stage: unknown stage "scael" (did you mean "scale"?); valid stages: explore, traction, scale`,
				`p.yml:4:11: components[0].name: bad component name "Billing": use lower case letters, digits and . _ / -, starting with a letter or digit`,
				"p.yml:5:5: components[0].paths: a component needs at least one path",
				`p.yml:6:18: components[0].criticality: unknown criticality "extreme"; valid levels: low, normal, high`,
				`p.yml:8:3: allow.web: unknown component "web"`,
				`p.yml:8:9: allow.web[0]: unknown component "billing" (did you mean "Billing"?)`,
				`p.yml:10:3: rules: unknown rule "data.shared-tabel" (did you mean "data.shared-table"?)`,
				"p.yml:11:26: thresholds.invest-now: must not be negative, got -5",
				"p.yml:12:28: weights.exposure.data: must be at least 1, got 0",
				`p.yml:13:11: exclude[0]: pattern "/abs" must be relative to the module root, not absolute`,
				`p.yml:14:1: unknown key "colour"; allowed keys: ` + allKeys,
			},
		},
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorCases() {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("p.yml", []byte(tt.src), testRules())
			if err == nil {
				t.Fatalf("Parse succeeded, want errors (%s):\n%s", tt.reason, strings.Join(tt.want, "\n"))
			}
			if p != nil {
				t.Errorf("Parse returned a policy along with errors")
			}
			checkLines(t, "errors ("+tt.reason+")", tt.want, errorLines(t, err))
		})
	}
}

// parseCases are valid policies and a dump of what they parse to. The
// fuzz test starts from them.
func parseCases() []parseCase {
	return []parseCase{
		{
			name: "minimal", reason: "version alone is a policy: stage traction and its preset",
			src:  lines("version: 1"),
			want: append([]string{"version 1", "stage traction"}, presetLines(Traction)...),
		},
		{
			name: "stage preset", reason: "the stage picks the numbers",
			src:  lines("version: 1", "stage: scale"),
			want: append([]string{"version 1", "stage scale"}, presetLines(Scale)...),
		},
		{
			name: "single overrides", reason: "explicit thresholds and weights override single values of the preset",
			src: lines("version: 1", "stage: explore", "thresholds: {invest-now: 30}", "weights: {exposure: {internal: 5}, criticality: {high: 4}}"),
			want: []string{
				"version 1", "stage explore",
				"thresholds: invest-now 30",
				"exposure: internal 5 cross-module 2 data 3 public 3",
				"criticality: low 1 normal 2 high 4",
			},
		},
		{
			name: "overrides before stage", reason: "overrides apply over the stage's preset wherever the stage is written",
			src: lines("version: 1", "weights: {exposure: {data: 9}}", "stage: scale"),
			want: []string{
				"version 1", "stage scale",
				"thresholds: invest-now 32",
				"exposure: internal 3 cross-module 4 data 9 public 4",
				"criticality: low 1 normal 2 high 3",
			},
		},
		{
			name: "zero threshold", reason: "a threshold of 0 makes every decision invest-now, which is allowed",
			src: lines("version: 1", "thresholds: {invest-now: 0}"),
			want: []string{
				"version 1", "stage traction",
				"thresholds: invest-now 0",
				"exposure: internal 2 cross-module 3 data 3 public 3",
				"criticality: low 1 normal 2 high 3",
			},
		},
		{
			name: "null sections", reason: "a section with all its entries commented out is empty, not an error",
			src:  lines("version: 1", "components:", "allow:", "rules:", "  # data.shared-table: {}", "thresholds:", "weights:", "  exposure:", "exclude:"),
			want: append([]string{"version 1", "stage traction"}, presetLines(Traction)...),
		},
		{
			name: "components", reason: "criticality defaults to normal; public is optional; order is kept",
			src: lines("version: 1", "components:",
				"  - name: billing",
				`    paths: ["internal/billing/...", "cmd/billing"]`,
				"    criticality: high",
				"    public: [internal/billing/api]",
				"  - name: platform/db",
				"    paths: [platform/db]",
				"  - name: 2024",
				"    paths: [2024/...]"),
			want: append([]string{
				"version 1", "stage traction",
				"component billing: paths [internal/billing/... cmd/billing] criticality high public [internal/billing/api]",
				"component platform/db: paths [platform/db] criticality normal public []",
				"component 2024: paths [2024/...] criticality normal public []",
			}, presetLines(Traction)...),
		},
		{
			name: "rules", reason: "common keys and options of every type decode to their Go types",
			src: lines("version: 1", "rules:",
				"  api.unversioned-route:",
				"    enabled: false",
				"    weight: 0x10",
				`    ignore: ["/healthz", "/debug/*"]`,
				"    version-pattern: ^v[0-9]+(beta)?$",
				"  data.wide-table:",
				"    max-columns: 40",
				"    tables: [events]",
				"    strict: true",
				"  data.shared-table:",
				"  coupling.cycle: {ignore: []}"),
			want: append([]string{
				"version 1", "stage traction",
				`rule api.unversioned-route: enabled false weight 16 ignore ["/healthz" "/debug/*"] version-pattern="^v[0-9]+(beta)?$"`,
				`rule coupling.cycle: ignore []`,
				"rule data.shared-table:",
				`rule data.wide-table: max-columns=40 strict=true tables=[]string{"events"}`,
			}, presetLines(Traction)...),
		},
		{
			name: "exclude", reason: "exclude globs are compiled",
			src:  lines("version: 1", `exclude: ["internal/gen/...", "**/*_gen.go"]`),
			want: append(append([]string{"version 1", "stage traction"}, presetLines(Traction)...), "exclude [internal/gen/... **/*_gen.go]"),
		},
		{
			name: "anchors without aliases", reason: "an anchor is harmless until an alias uses it",
			src:  lines("version: 1", "stage: &s scale"),
			want: append([]string{"version 1", "stage scale"}, presetLines(Scale)...),
		},
		{
			name: "document markers", reason: "an explicit start and end of the one document are fine",
			src:  lines("---", "version: 1", "..."),
			want: append([]string{"version 1", "stage traction"}, presetLines(Traction)...),
		},
	}
}

func TestParse(t *testing.T) {
	for _, tt := range parseCases() {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, tt.src)
			checkLines(t, "policy ("+tt.reason+")", tt.want, dump(p))
		})
	}
}

func TestParseAllow(t *testing.T) {
	src := lines("version: 1", "components:",
		"  - {name: web, paths: [web]}",
		"  - {name: store, paths: [store]}",
		"  - {name: tools, paths: [tools]}",
		"allow:",
		"  web: [store]",
		"  store: []",
		`  tools: ["*"]`)
	p := mustParse(t, src)
	want := []string{"allow web: [store]", "allow store: []", "allow tools: [*]"}
	var got []string
	for _, l := range dump(p) {
		if strings.HasPrefix(l, "allow ") {
			got = append(got, l)
		}
	}
	checkLines(t, "allow rules (file order is kept; * stands for any)", want, got)
}

func TestParseSourceAndHash(t *testing.T) {
	src := lines("version: 1", "stage: scale")
	p := mustParse(t, src)
	sum := sha256.Sum256([]byte(src))
	if want := hex.EncodeToString(sum[:]); p.Hash != want {
		t.Errorf("Hash = %s, want the sha256 of the bytes, %s", p.Hash, want)
	}
	if p.Source != "p.yml" {
		t.Errorf("Source = %q, want the name given to Parse, %q", p.Source, "p.yml")
	}
	q := mustParse(t, src+"# a comment changes the hash\n")
	if q.Hash == p.Hash {
		t.Errorf("two different files have the same Hash %s", p.Hash)
	}
}

func TestParseErrorsAreSorted(t *testing.T) {
	// Problems are found in several passes (YAML shape, then values);
	// the result is in file order all the same.
	src := lines("version: 1", "weights: {exposure: {data: 0}}", "stage: [x]", "thresholds: {invest-now: -1}", "exclude: x")
	_, err := Parse("p.yml", []byte(src), testRules())
	var errs Errors
	if !errors.As(err, &errs) || len(errs) != 4 {
		t.Fatalf("got %v, want 4 errors", err)
	}
	sorted := slices.IsSortedFunc(errs, func(a, b Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	if !sorted {
		t.Errorf("errors are not sorted by line and column:\n%v", err)
	}
}

// TestAllowNamesDefaultComponents: with no components declared, allow
// names the default components (one per directory), which only the
// audit can list, so the parser accepts any name.
func TestAllowNamesDefaultComponents(t *testing.T) {
	p, err := Parse("p.yml", []byte("version: 1\nallow:\n  web: [store]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Allow) != 1 || p.Allow[0].From != "web" || len(p.Allow[0].To) != 1 || p.Allow[0].To[0] != "store" {
		t.Errorf("Allow = %+v, want web: [store]", p.Allow)
	}
}
