package routes_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/api/internal/routes"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

// show reports every route the routes analyzer finds, so fixtures can
// say with // want which routes a package serves and with which path.
var show = &analysis.Analyzer{
	Name:       "showroutes",
	Doc:        "report the routes found by apiroutes",
	Requires:   []*analysis.Analyzer{routes.Analyzer},
	ResultType: reflect.TypeOf(0),
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[routes.Analyzer].(*routes.Result)
		for _, r := range res.Routes {
			msg := fmt.Sprintf("route %s %s", r, r.Kind)
			if !r.Const {
				msg += " dynamic"
			}
			if r.Loopback {
				msg += " loopback"
			}
			switch {
			case strings.HasPrefix(r.Handler, "(func("):
				msg += " by func literal"
			case r.Handler != "":
				msg += " by " + r.Handler
			}
			pass.Reportf(r.Pos, "%s", msg)
		}
		return len(res.Routes), nil
	},
}

// TestRoutes checks the routes of the net/http and framework fixtures,
// in one run: each run loads the fixtures' dependencies from source.
func TestRoutes(t *testing.T) {
	fixturetest.Run(t, analysistest.TestData(), show, "nethttp/...", "frameworks/...")
}

// TestLate joins the routers handed to function values and interface
// methods with the modules that may be behind them, and the calls of
// interface methods with the route wrappers behind them, across
// packages.
func TestLate(t *testing.T) {
	pass := &analysis.Analyzer{
		Name:       "passroutes",
		Doc:        "pass the routes analyzer's result on",
		Requires:   []*analysis.Analyzer{routes.Analyzer},
		ResultType: reflect.TypeOf((*routes.Result)(nil)),
		Run:        func(pass *analysis.Pass) (any, error) { return pass.ResultOf[routes.Analyzer], nil },
	}
	results := fixturetest.Run(t, analysistest.TestData(), pass, "late/...")
	var mounts []routes.Mount
	var regs []routes.Registrar
	var calls []routes.Call
	var wrappers []routes.Wrapper
	for _, r := range results {
		res := r.Result.(*routes.Result)
		if len(res.Routes) > 0 {
			t.Errorf("%s: routes %v, want none (all are reached late)", r.Pass.Pkg.Path(), res.Routes)
		}
		mounts = append(mounts, res.Mounts...)
		regs = append(regs, res.Registrars...)
		calls = append(calls, res.Calls...)
		wrappers = append(wrappers, res.Wrappers...)
	}
	var got []string
	for _, r := range routes.Late(mounts, regs, nil) {
		got = append(got, r.String()+" "+string(r.Kind)+" "+r.Site.File)
	}
	for _, r := range routes.LateCalls(calls, wrappers, nil) {
		got = append(got, r.String()+" "+string(r.Kind)+" "+r.Site.File)
	}
	sort.Strings(got)
	want := []string{
		"GET /api/v2/internal other shared.go", "GET /api/v2/users other users.go", "GET /items other items.go",
		"GET /{r.prefix}/orders api wrapiface.go", "GET /{root}/internal other shared.go", "GET /{root}/users other users.go",
		"POST /api/v2/users other users.go", "POST /{root}/users other users.go",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Late = %q, want %q", got, want)
	}
}

// TestDispatchSites: the routes a dispatching handler serves are placed
// at their branches, not at the catch-all's registration.
func TestDispatchSites(t *testing.T) {
	pass := &analysis.Analyzer{
		Name:       "showandpass",
		Doc:        "report the routes as show does and pass the result on",
		Requires:   []*analysis.Analyzer{routes.Analyzer},
		ResultType: reflect.TypeOf((*routes.Result)(nil)),
		Run: func(pass *analysis.Pass) (any, error) {
			if _, err := show.Run(pass); err != nil {
				return nil, err
			}
			return pass.ResultOf[routes.Analyzer], nil
		},
	}
	results := fixturetest.Run(t, analysistest.TestData(), pass, "nethttp/dispatch")
	if len(results) != 1 {
		t.Fatalf("%d results, want 1", len(results))
	}
	fset := results[0].Pass.Fset
	got := map[string]int{}
	for _, r := range results[0].Result.(*routes.Result).Routes {
		got[r.String()] = fset.Position(r.SitePos).Line
	}
	// The branches of handleInternal, and the switch of package web.
	for route, at := range map[string]struct{ file, text string }{
		"GET /v1/users":        {"dispatch.go", "if r.Method == http.MethodGet && r.URL.Path == usersPath {"},
		"POST /v1/users":       {"dispatch.go", "} else if r.Method == http.MethodPost && r.URL.Path == usersPath {"},
		"GET /app/config.json": {"web/web.go", "case http.MethodGet:"},
	} {
		if line := lineOf(t, filepath.Join("testdata", "src", "nethttp", "dispatch", at.file), at.text); got[route] != line {
			t.Errorf("%s is placed at line %d, want %d (its branch); all: %v", route, got[route], line, got)
		}
	}
}

// lineOf returns the line of file holding text.
func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("%s: no line holds %q", file, text)
	return 0
}
