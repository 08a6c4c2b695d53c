package audit

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/cache"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// TestReportCodec: the results cache gives back the report it stored,
// exactly: lists in their normal form (report.Report.Normalize: the JSON
// renderer writes [] for some, nothing for others), strings that are not
// UTF-8 unchanged (the text renderer escapes them), absent and present
// pointers, any float.
func TestReportCodec(t *testing.T) {
	r := &report.Report{
		Version: 1, Tool: "t", Policy: "(default)", Threshold: 40,
		Decisions: []report.Decision{
			{Rule: "data.shared-table", Message: "table caf\xe9", Factors: []report.Factor{}, Related: nil, Evidence: finding.Evidence{Sites: 3, Public: true}},
			{Rule: "api.unversioned-route", Related: []report.Location{{File: "a.go", Line: 1, Message: "x"}}, Occurrence: -1},
		},
		Components: []report.Component{
			{Name: "a", Packages: []string{}, Metrics: &report.Metrics{I: 1.0 / 3, A: math.SmallestNonzeroFloat64, D: math.Inf(1)}},
			{Name: "b", Packages: nil},
		},
		Inventory: report.Inventory{
			Tables: []report.Table{{Name: "t", Components: []string{}, Sites: []report.SiteRef{}}},
			Routes: []report.Route{},
		},
		Summary: report.Summary{Packages: 2},
	}
	r.Normalize() // as Sort leaves every report the audit makes
	data, err := encodeReport(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeReport(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r) {
		t.Errorf("decoded %+v\nencoded %+v", back, r)
	}
	for n := range len(data) {
		if _, err := decodeReport(data[:n]); err == nil {
			t.Errorf("a report cut to %d of %d bytes decodes", n, len(data))
			break
		}
	}
}

// copyTree copies the test module in dir to a new temporary directory,
// so that the test can change its files.
func copyTree(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if fi.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestCaches audits a package whose decisions depend on its dependency's
// facts (a SQL wrapper, a JSON helper, a function registering a route),
// with the dependency outside the audited packages, so that its facts
// are computed from its source and cached. Every way of running gives
// the same report as running without a cache; each change to the code
// gives the report of the changed code.
func TestCaches(t *testing.T) {
	if testing.Short() {
		t.Skip("audits a module with net/http and database/sql several times")
	}
	dir := copyTree(t, "testdata/depfacts")
	cacheDir := t.TempDir()
	pol := policy.Default(analyzers.Rules())
	audit := func(cached bool) (*report.Report, string) {
		t.Helper()
		var log strings.Builder
		o := Options{Dir: dir, Patterns: []string{"./app"}, Policy: pol, Families: analyzers.Families(), Log: &log, Version: "test"}
		if cached {
			o.CacheDir = cacheDir
		}
		rep, err := Run(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		return rep, log.String()
	}
	has := func(rep *report.Report, rule, file string) bool {
		for _, d := range rep.Decisions {
			if d.Rule == rule && d.File == file {
				return true
			}
		}
		return false
	}

	want, _ := audit(false)
	if !has(want, "data.unbounded-mutation", "app/app.go") {
		t.Fatalf("no unbounded mutation through lib's SQL wrapper: %+v", want.Decisions)
	}
	if len(want.Inventory.Routes) != 2 || want.Inventory.Routes[0].File != "lib/http.go" || want.Inventory.Routes[0].Line != 16 || want.Inventory.Routes[1].Kind != "api" {
		t.Fatalf("routes = %+v, want GET /health registered at lib/http.go:16 and GET /things, an API through lib.JSON", want.Inventory.Routes)
	}

	for _, step := range []struct {
		name, reason, log string
		prepare           func()
	}{
		{"cold", "nothing cached: the dependencies' facts are computed and stored", "computed", func() {}},
		{"results", "unchanged code: the last report", "from the cache", func() {}},
		{"facts", "no report cached: the dependencies' facts come from the cache", "from the cache (", func() {
			if err := os.RemoveAll(filepath.Join(cacheDir, resultsKind)); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		step.prepare()
		got, log := audit(true)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (%s): the report differs from the audit without a cache:\n got %+v\nwant %+v", step.name, step.reason, got, want)
		}
		if !strings.Contains(log, step.log) {
			t.Errorf("%s (%s): the log does not say %q:\n%s", step.name, step.reason, step.log, log)
		}
	}

	// The module somewhere else (another checkout, another machine sharing
	// the cache): the dependencies' facts name no directory, so they are
	// read from the cache, and the report is the same.
	movedAudit(t, cacheDir, pol, want, dir)

	// Runs sharing the cache at the same time: each gives the report.
	if err := os.RemoveAll(filepath.Join(cacheDir, resultsKind)); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	reports := make([]*report.Report, 3)
	for i := range reports {
		wg.Go(func() {
			o := Options{Dir: dir, Patterns: []string{"./app"}, Policy: pol, Families: analyzers.Families(), Version: "test", CacheDir: cacheDir}
			reports[i], _ = Run(context.Background(), o)
		})
	}
	wg.Wait()
	for i, got := range reports {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent run %d: the report differs from the audit without a cache:\n got %+v\nwant %+v", i, got, want)
		}
	}

	// A change to the policy: the rule is off, the cached report is not
	// the answer.
	off, err := policy.Parse("off.yml", []byte("version: 1\nrules:\n  data.unbounded-mutation:\n    enabled: false\n"), analyzers.Rules())
	if err != nil {
		t.Fatal(err)
	}
	pol = off
	got, log := audit(true)
	if has(got, "data.unbounded-mutation", "app/app.go") || strings.Contains(log, "last audit") {
		t.Errorf("after the policy changed, the report is the old one:\n%+v\n%s", got.Decisions, log)
	}
	pol = policy.Default(analyzers.Rules())

	// A change to the dependency: Exec no longer runs its argument as
	// SQL, so the wrapper fact, and the decision it led to, are gone.
	lib := filepath.Join(dir, "lib", "db.go")
	src, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lib, []byte(strings.Replace(string(src), "d.db.Exec(query, args...)", `d.db.Exec("SELECT 1", len(query), args)`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, log := audit(true)
	if has(changed, "data.unbounded-mutation", "app/app.go") || strings.Contains(log, "last audit") {
		t.Errorf("after the dependency changed, the report is the old one:\n%+v\n%s", changed.Decisions, log)
	}
	if uncached, _ := audit(false); !reflect.DeepEqual(changed, uncached) {
		t.Errorf("after the dependency changed, the cached audit differs from the uncached one:\n got %+v\nwant %+v", changed, uncached)
	}

	// A change to the audited package alone.
	app := filepath.Join(dir, "app", "app.go")
	src, err = os.ReadFile(app)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(app, []byte(strings.Replace(string(src), `"GET /things"`, `"GET /v1/things"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, log = audit(true)
	if has(changed, "api.unversioned-route", "app/app.go") || strings.Contains(log, "last audit") {
		t.Errorf("after the audited code changed, the report is the old one:\n%+v\n%s", changed.Decisions, log)
	}
}

// movedAudit audits a copy of depfacts elsewhere with the facts of the
// one in dir cached: they are used, and name no directory.
func movedAudit(t *testing.T, cacheDir string, pol *policy.Policy, want *report.Report, dir string) {
	t.Helper()
	moved := copyTree(t, "testdata/depfacts")
	if err := os.RemoveAll(filepath.Join(cacheDir, resultsKind)); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	o := Options{Dir: moved, Patterns: []string{"./app"}, Policy: pol, Families: analyzers.Families(), Log: &log, Version: "test", CacheDir: cacheDir}
	got, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if got.Root != moved || want.Root != dir {
		t.Errorf("moved: the reports' roots are %s and %s, want %s and %s", got.Root, want.Root, moved, dir)
	}
	g, w := *got, *want
	g.Root, w.Root = "", "" // the one thing that names where the module is
	if !reflect.DeepEqual(&g, &w) {
		t.Errorf("moved: the report differs from the audit without a cache:\n got %+v\nwant %+v", got, want)
	}
	if !strings.Contains(log.String(), "from the cache (") || !strings.Contains(log.String(), " 0 computed") {
		t.Errorf("moved: the dependencies' facts were not read from the cache:\n%s", log.String())
	}
	sites := 0
	err = filepath.WalkDir(filepath.Join(cacheDir, cache.KindDeps), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, d := range []string{dir, moved, filepath.Dir(dir)} {
			if bytes.Contains(data, []byte(d)) {
				t.Errorf("cached facts %s name the directory %s: they would not serve another checkout", path, d)
			}
		}
		if bytes.Contains(data, []byte("http.go")) {
			sites++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sites == 0 {
		t.Error("no cached facts name lib/http.go, where lib registers GET /health: the test looks at the wrong entries")
	}
}

// TestEditDuringAudit: a file edited while the audit runs never leaves
// a report stored under a state of the code it was not made from. Edited
// after the packages loaded: the report is of the code before, and the
// next run (of the code after) must not get it. Edited before they load,
// after the key was read: the report is of the code after, and a run
// once the edit is undone must not get it. Each time the cached run
// gives the report of the uncached one.
func TestEditDuringAudit(t *testing.T) {
	if testing.Short() {
		t.Skip("audits a module with net/http and database/sql several times")
	}
	for _, c := range []struct {
		name, reason string
		afterLoad    bool
	}{
		{"after loading", "the key must be read before the files are", true},
		{"before loading", "the key must be read again after the audit", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyTree(t, "testdata/depfacts")
			app := filepath.Join(dir, "app", "app.go")
			orig, err := os.ReadFile(app)
			if err != nil {
				t.Fatal(err)
			}
			write := func(src string) {
				if err := os.WriteFile(app, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			edit := func() { write(strings.Replace(string(orig), `"GET /things"`, `"GET /v1/things"`, 1)) }
			o := Options{Dir: dir, Patterns: []string{"./app"}, Policy: policy.Default(analyzers.Rules()), Families: analyzers.Families(), Version: "test", CacheDir: t.TempDir()}
			during := o
			if c.afterLoad {
				during.afterLoad = edit
			} else {
				during.beforeLoad = edit
			}
			if _, err := Run(context.Background(), during); err != nil {
				t.Fatal(err)
			}
			if !c.afterLoad {
				write(string(orig)) // undo the edit
			}
			var log strings.Builder
			again := o
			again.Log = &log
			got, err := Run(context.Background(), again)
			if err != nil {
				t.Fatal(err)
			}
			uncached := o
			uncached.CacheDir = ""
			want, err := Run(context.Background(), uncached)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the cached audit gives another report than -no-cache:\n got %+v\nwant %+v\n%s", c.reason, got.Decisions, want.Decisions, log.String())
			}
		})
	}
}

// TestInterruptedAudit: an audit whose context is cancelled after the
// packages loaded (a first Ctrl-C while the analyzers run, which do not
// stop) fails with ErrInterrupted — a step cut short (the git tags) may
// have left the report without a decision — and stores nothing.
func TestInterruptedAudit(t *testing.T) {
	dir := copyTree(t, "testdata/depfacts")
	cacheDir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := Options{Dir: dir, Patterns: []string{"./app"}, Policy: policy.Default(analyzers.Rules()), Families: analyzers.Families(), Version: "test", CacheDir: cacheDir, afterLoad: cancel}
	rep, err := Run(ctx, o)
	if !errors.Is(err, ErrInterrupted) || rep != nil {
		t.Fatalf("an interrupted audit returned %v and a report %v, want ErrInterrupted and none", err, rep != nil)
	}
	if entries, err := os.ReadDir(filepath.Join(cacheDir, resultsKind)); err == nil && len(entries) > 0 {
		t.Errorf("an interrupted audit stored a report: %v", entries)
	}
}

// TestCacheableReports: a report with a package problem is not stored,
// nor one that read the change log of a shallow clone (fetching more
// history changes the log and not HEAD, all its key holds of it); a
// report of a full history is.
func TestCacheableReports(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *report.Report
		want bool
	}{
		{"plain", &report.Report{}, true},
		{"package problem", &report.Report{Problems: []report.Problem{{Kind: report.PackageProblem, Package: "p"}}}, false},
		{"directive problem", &report.Report{Problems: []report.Problem{{Kind: report.DirectiveProblem}}}, true},
		{"full history", &report.Report{History: &report.History{Commits: 3}}, true},
		{"shallow history", &report.Report{History: &report.History{Commits: 1, Shallow: true}}, false},
	} {
		if got := cacheable(tc.r); got != tc.want {
			t.Errorf("%s: cacheable %v, want %v", tc.name, got, tc.want)
		}
	}
}
