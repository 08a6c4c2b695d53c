package audit

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

var update = flag.Bool("update", false, "rewrite testdata/inventory/*.golden from the audit, with the known gaps corrected")

// inventoryDir holds one fixture module per router and SQL library the
// analyzers support, each with the stubs of its third-party API under
// stubs/ (wired in by replace directives), and a go.work using them all.
//
// The fixtures are audited together, in one audit of the workspace: an
// audit type-checks the standard library from source, which costs each
// audit seconds, so one audit per fixture would take minutes. In a
// workspace every module is a main module, so components are named
// module/dir ("chi/internal/router"); table names differ between the
// fixtures, so that no table of the inventory mixes two of them.
const inventoryDir = "testdata/inventory"

// inventoryFixtures are the fixture modules, as go.work lists them.
var inventoryFixtures = []string{
	"bun", "chi", "databasesql", "echo", "fiber", "gin", "goqu", "gorillamux", "gorm",
	"httprouter", "nethttp", "pgx4", "pgx5", "sqlbuilder", "sqlc", "sqlx", "squirrel", "xorm",
}

// inventoryGap is a place where the audit's inventory is wrong: the test
// expects the correct inventory (the golden files hold it) and logs the
// gap while the audit still has it. A gap the audit no longer shows
// fails the test, so that it is deleted here once the analyzer is fixed.
type inventoryGap struct {
	fixture string
	name    string
	reason  string   // why want is right: what the library or the database does
	want    []string // lines of the correct inventory that the audit does not produce
	got     []string // lines the audit produces instead
}

// knownInventoryGaps lists the inventory's known errors, by fixture.
var knownInventoryGaps = []inventoryGap{}

// mustNotAppear names, by fixture, tables and routes that are not in the
// code base though they look like they are: CTE names, aliases, functions,
// sequences, prepared-statement names, the naming conventions of another
// ORM, routes of functions nothing calls, URLs the program requests. A
// name is matched against the table of table and site lines and the
// host and path of route lines. The golden files are exact already; this
// says why, and guards them against a careless -update.
var mustNotAppear = map[string][]string{
	"nethttp":     {"/legacy/orders", "/api/v1/legacy/orders", "/v1/notify", "hooks.example.com/v1/notify", "/api/v2/status.json"},
	"chi":         {"/legacy/articles", "/v1/articles/legacy/articles"},
	"databasesql": {"totals", "order_numbers", "generate_series", "information_schema.columns", "pg_advisory_lock", "o", "c", "ci", "s", "p", "ol", "d"},
	"sqlx":        {"recent", "b", "a", "ba", "l", "m"},
	"pgx5":        {"account_balance", "p", "t"},
	"pgx4":        {"r", "d"},
	"gorm":        {"company", "contact", "person", "persons", "deals", "deal", "activity_log", "h"},
	"bun":         {"posts", "post", "p", "c", "t", "pt", "tag"},
	"xorm":        {"warehouses", "stock_items", "stock_movement", "supplier", "suppliers"},
	"squirrel":    {"t", "a", "tt"},
	"goqu":        {"r"},
	"sqlbuilder":  {"b", "bl", "l", "bookmark"},
	"sqlc":        {"recent", "e", "p"},
}

func TestInventory(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses the inventory fixtures")
	}
	checkFixtureList(t)
	dir, err := filepath.Abs(inventoryDir)
	if err != nil {
		t.Fatal(err)
	}
	patterns := make([]string, len(inventoryFixtures))
	for i, f := range inventoryFixtures {
		patterns[i] = "./" + f + "/..."
	}
	// Everything the fixtures import is in the standard library or
	// replaced by a stub: nothing may be downloaded.
	env := append(os.Environ(), "GOWORK="+filepath.Join(dir, "go.work"), "GOFLAGS=-mod=readonly", "GOPROXY=off", "GOTOOLCHAIN=local")
	rep, err := Run(context.Background(), Options{
		Dir:      dir,
		Patterns: patterns,
		Policy:   policy.Default(analyzers.Rules()),
		Families: analyzers.Families(),
		Env:      env,
		Version:  "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Errorf("problem: %s %s %s:%d: %s", p.Kind, p.Package, p.File, p.Line, p.Message)
	}
	for _, fx := range inventoryFixtures {
		t.Run(fx, func(t *testing.T) {
			t.Parallel()
			got := applyGaps(t, fx, inventoryLines(rep, fx))
			golden := filepath.Join(inventoryDir, fx+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
			if d := lineDiff(want, got); d != "" {
				t.Errorf("inventory of %s differs from %s (-want +got):\n%s", fx, golden, d)
			}
			for _, l := range got {
				if name := lineName(l); slices.Contains(mustNotAppear[fx], name) {
					t.Errorf("%s must not be in the inventory: %s", name, l)
				}
			}
		})
	}
}

// checkFixtureList checks that inventoryFixtures, the fixture directories
// and go.work agree, so that no fixture is left out of the audit.
func checkFixtureList(t *testing.T) {
	t.Helper()
	entries, err := os.ReadDir(inventoryDir)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	if !slices.Equal(dirs, inventoryFixtures) {
		t.Fatalf("fixture directories %v, want inventoryFixtures %v", dirs, inventoryFixtures)
	}
	f, err := os.Open(filepath.Join(inventoryDir, "go.work"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only
	var used []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); strings.HasPrefix(l, "./") {
			used = append(used, strings.TrimPrefix(l, "./"))
		}
	}
	if !slices.Equal(used, inventoryFixtures) {
		t.Fatalf("go.work uses %v, want %v", used, inventoryFixtures)
	}
}

// inventoryLines renders the part of the report's inventory that is in
// fixture fx, one line per route, table and table site, in inventory order.
func inventoryLines(rep *report.Report, fx string) []string {
	in := func(file string) bool { return strings.HasPrefix(file, fx+"/") }
	var out []string
	for _, r := range rep.Inventory.Routes {
		if in(r.File) {
			out = append(out, routeLine(r))
		}
	}
	for _, tb := range rep.Inventory.Tables {
		if !slices.ContainsFunc(tb.Sites, func(s report.SiteRef) bool { return in(s.File) }) {
			continue
		}
		out = append(out, fmt.Sprintf("table %s reads=%d writes=%d ddl=%d components=%s packages=%s",
			tb.Name, tb.Reads, tb.Writes, tb.DDL, strings.Join(tb.Components, ","), strings.Join(tb.Packages, ",")))
		for _, s := range tb.Sites {
			out = append(out, fmt.Sprintf("site %s %s:%d %s", tb.Name, s.File, s.Line, s.Kind))
		}
	}
	sortLines(out)
	return out
}

// lineName is the table of a table or site line, the host and path of a
// route line.
func lineName(l string) string {
	f := strings.Fields(l)
	switch {
	case len(f) > 2 && f[0] == "route":
		return f[2]
	case len(f) > 1:
		return f[1]
	}
	return ""
}

func routeLine(r report.Route) string {
	method := r.Method
	if method == "" {
		method = "*"
	}
	return fmt.Sprintf("route %s %s%s kind=%s versioned=%t constant=%t component=%s package=%s at=%s:%d",
		method, r.Host, r.Path, r.Kind, r.Versioned, r.Constant, r.Component, r.Package, r.File, r.Line)
}

// sortLines puts lines in inventory order: routes by host and path, then
// method and site; each table followed by its sites by position.
func sortLines(lines []string) {
	type key struct {
		group       int
		name, other string // route: host+path and method; table or site: table name
		sub         int    // table line 0, site 1
		file        string
		line        int
		rest        string
	}
	keyOf := func(l string) key {
		f := strings.Fields(l)
		k := key{rest: l}
		at := func(s string) {
			file, line, _ := strings.Cut(strings.TrimPrefix(s, "at="), ":")
			k.file = file
			k.line, _ = strconv.Atoi(line)
		}
		switch {
		case f[0] == "route" && len(f) > 2:
			k.group, k.name, k.other = 0, f[2], f[1]
			at(f[len(f)-1])
		case f[0] == "table" && len(f) > 1:
			k.group, k.name = 1, f[1]
		case f[0] == "site" && len(f) > 3:
			k.group, k.name, k.sub = 1, f[1], 1
			at(f[2])
		default:
			k.group = 2
		}
		return k
	}
	slices.SortStableFunc(lines, func(a, b string) int {
		ka, kb := keyOf(a), keyOf(b)
		return cmp.Or(cmp.Compare(ka.group, kb.group), cmp.Compare(ka.name, kb.name), cmp.Compare(ka.other, kb.other),
			cmp.Compare(ka.sub, kb.sub), cmp.Compare(ka.file, kb.file), cmp.Compare(ka.line, kb.line), cmp.Compare(ka.rest, kb.rest))
	})
}

// applyGaps corrects the known gaps of fixture fx in the audit's lines,
// logging each, and fails for a gap the audit no longer shows.
func applyGaps(t *testing.T, fx string, lines []string) []string {
	t.Helper()
	for _, g := range knownInventoryGaps {
		if g.fixture != fx {
			continue
		}
		next := slices.Clone(lines)
		var absent []string
		for _, l := range g.got {
			i := slices.Index(next, l)
			if i < 0 {
				absent = append(absent, l)
				continue
			}
			next = slices.Delete(next, i, i+1)
		}
		var present []string
		for _, l := range g.want {
			if slices.Contains(lines, l) && !slices.Contains(g.got, l) {
				present = append(present, l)
			}
		}
		if len(absent) > 0 || len(present) > 0 && len(g.got) == 0 {
			t.Errorf("known gap %q is not what the audit does any more; if the analyzer is fixed, delete the gap from knownInventoryGaps\n"+
				"  lines the gap expects, not in the inventory:\n\t%s\n  correct lines already in it:\n\t%s",
				g.name, strings.Join(absent, "\n\t"), strings.Join(present, "\n\t"))
			continue
		}
		t.Logf("known gap %q: %s\n  want:\n\t%s\n  got:\n\t%s", g.name, g.reason,
			strings.Join(orNone(g.want), "\n\t"), strings.Join(orNone(g.got), "\n\t"))
		next = append(next, g.want...)
		lines = next
	}
	sortLines(lines)
	return lines
}

func orNone(ls []string) []string {
	if len(ls) == 0 {
		return []string{"(nothing)"}
	}
	return ls
}

// lineDiff lists the lines missing from got and the lines got has in
// excess, as - and + lines, or "" when the multisets are equal.
func lineDiff(want, got []string) string {
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	var b strings.Builder
	seen := map[string]bool{}
	for _, l := range slices.Concat(want, got) {
		if seen[l] {
			continue
		}
		seen[l] = true
		for n := count[l]; n > 0; n-- {
			fmt.Fprintf(&b, "-%s\n", l)
		}
		for n := count[l]; n < 0; n++ {
			fmt.Fprintf(&b, "+%s\n", l)
		}
	}
	return b.String()
}
