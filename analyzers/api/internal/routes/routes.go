package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer extracts the HTTP routes a package serves.
var Analyzer = &analysis.Analyzer{
	Name:       "apiroutes",
	Doc:        "extract HTTP route registrations with their full paths",
	URL:        "https://github.com/oneway-lint/oneway/tree/main/analyzers/api/internal/routes",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*FuncFact)(nil)},
}

// Kind says what a route serves.
type Kind string

// The kinds of route. Only KindAPI routes are API contracts for sure;
// KindOther routes are those whose handler could not be classified.
const (
	KindAPI      Kind = "api"      // encodes JSON (or XML, protobuf) for programs
	KindPage     Kind = "page"     // renders HTML for browsers
	KindUI       Kind = "ui"       // JSON for the service's own pages, registered beside them
	KindHealth   Kind = "health"   // health, liveness and readiness checks
	KindMetrics  Kind = "metrics"  // metrics endpoints (Prometheus, expvar)
	KindDebug    Kind = "debug"    // pprof and other debugging endpoints
	KindStatic   Kind = "static"   // static files
	KindProtocol Kind = "protocol" // protocol endpoints such as /.well-known/
	KindOther    Kind = "other"    // a handler that could not be classified
)

// Route is one route served by the program, with its full path as far as
// the package being analysed knows it.
type Route struct {
	Framework string // "net/http", "chi", "gin", "echo", "gorilla/mux", "httprouter", "fiber", "huma", "grpc-gateway"
	Method    string // upper case; "" for any method
	Host      string // "" for any host
	Path      string // the full path; parts that are not constants are written {?expr} (see Shown)
	Const     bool   // the full path is made of constants only
	Kind      Kind
	Handler   string // the handler as written at the registration

	// Pos is where the analysed package registers the route: the
	// registration itself, or the call of a function of another package
	// that registers it. It is always in one of the pass's files.
	Pos token.Pos
	// SitePos is the registration itself when its file is in the file set
	// (the checker driver loads every package into one), else Pos.
	SitePos token.Pos
	// Site is the registration itself, which may be in another package.
	Site Site
	// Package is the import path of the package holding the registration.
	Package string
	// Loopback is set when the router is served only on a loopback
	// address (127.0.0.1, localhost, ::1): a command's local callback
	// server, no API that clients elsewhere call.
	Loopback bool
}

// String formats the route as METHOD host/path, the path as Shown.
func (r Route) String() string {
	s := r.Host + Shown(r.Path)
	if r.Method != "" {
		s = r.Method + " " + s
	}
	return s
}

// Encode is a value the package encodes as a JSON (or XML) response.
type Encode struct {
	Pos  token.Pos
	Expr ast.Expr   // the encoded expression
	Type types.Type // its type
}

// Result is what Analyzer finds in a package.
type Result struct {
	// Routes are the routes whose router is served from this package
	// (or whose router is never handed elsewhere), with full paths,
	// sorted by position and path. Routes registered on a router that a
	// function receives as a parameter or returns are not here: they are
	// exported as facts and appear in the packages that mount them.
	Routes []Route
	// Mounts are the routers this package hands to calls of function
	// values or interface methods, and Registrars its functions and
	// methods such calls may reach: Late joins those of the whole
	// program into routes.
	Mounts     []Mount
	Registrars []Registrar
	// Calls are the package's calls of interface methods with string
	// arguments, and Wrappers its methods registering templates:
	// LateCalls joins those of the whole program into routes.
	Calls    []Call
	Wrappers []Wrapper
	// Encodes are the values the package writes as JSON responses,
	// directly or through helpers (of any package) that do.
	Encodes []Encode
}

func sortRoutes(rs []Route) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if c := a.Site.Compare(b.Site); c != 0 {
			return c < 0
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Method != b.Method {
			return a.Method < b.Method
		}
		return a.Pos < b.Pos
	})
}
