package routes

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// FuncFact is what a function tells the packages that call it: the
// routes it registers on the routers it receives or returns, and what it
// writes to an HTTP response.
type FuncFact struct {
	// Params lists the routes registered on router parameters, relative
	// to the router passed in.
	Params []ParamRoutes
	// Returns lists the routes registered on the router the function
	// returns (its first router or http.Handler result).
	Returns []FactRoute
	// Writes is what the function writes when it serves a request
	// (for handlers and helpers taking a ResponseWriter or context).
	Writes Writes
	// Templates are the routes the function registers on routers of its
	// own (fields, package variables) with a path or method from its
	// parameters, with full paths holding placeholders: each call is a
	// route (see wrappers.go).
	Templates []FactRoute
	// ResultPath is the path the function always returns first (a
	// generated Connect handler's: "/greet.v1.GreetService/").
	ResultPath string
	// EncodesParams are the indices of parameters the function encodes
	// as a JSON response (writeJSON(w, status, v any) encodes 2).
	EncodesParams []int
	// Dispatch are the routes the function serves by testing its
	// request's method and path (see dispatch.go), paths as it sees
	// them.
	Dispatch []FactRoute
}

// AFact implements analysis.Fact.
func (*FuncFact) AFact() {}

var (
	_ family.CheckedFact = (*FuncFact)(nil)
	_ family.PlacedFact  = (*FuncFact)(nil)
)

func (f *FuncFact) empty() bool {
	return len(f.Params) == 0 && len(f.Returns) == 0 && len(f.Templates) == 0 && f.Writes == 0 && len(f.EncodesParams) == 0 && f.ResultPath == "" && len(f.Dispatch) == 0
}

// ParamRoutes are the routes registered on one parameter.
type ParamRoutes struct {
	Index  int
	Routes []FactRoute
}

// FactRoute is a route in a fact: its path is relative to the router the
// function received or returned.
type FactRoute struct {
	Framework string
	Method    string
	Host      string
	Path      string
	Const     bool
	Writes    Writes // what the handler writes; the kind is decided on the full path
	Handler   string
	Site      // the registration

	// Probe, when set, makes this no route but a router handed to a
	// call of a function value or interface method (see Mount).
	Probe        string   `json:",omitempty"`
	ProbeMethods []string `json:",omitempty"`
	// HandlerArg is 1 + the index of the parameter giving the handler
	// of a template (see wrappers.go); 0 none.
	HandlerArg int `json:",omitempty"`
	// Mount: the template mounts its handler argument (see mountArg).
	Mount bool `json:",omitempty"`
}

// FactFiles implements family.PlacedFact: the files of pkg where the
// fact's routes are registered.
func (f *FuncFact) FactFiles(pkg string) []string {
	var files []string
	add := func(rs []FactRoute) {
		for _, r := range rs {
			if r.Package == pkg && !slices.Contains(files, r.File) {
				files = append(files, r.File)
			}
		}
	}
	for _, p := range f.Params {
		add(p.Routes)
	}
	add(f.Returns)
	add(f.Templates)
	add(f.Dispatch)
	slices.Sort(files)
	return files
}

// FactPossible implements family.CheckedFact: a package has a fact only
// where it uses a router framework, net/http's server side or a response
// encoding, holds a web value, or calls a function with a fact (see
// mayHaveFacts), or is itself a package whose objects make facts (see
// originPackage); run finds none in a router's own package or the
// standard library.
func (*FuncFact) FactPossible(pass *analysis.Pass) bool {
	if passedOver(pass) {
		return false
	}
	if originPackage(pass.Pkg.Path()) {
		return true
	}
	return mayHaveFacts(pass.Pkg, pass.TypesInfo, pass.Files, modulePath(pass), func(fn *types.Func) bool {
		return fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, new(FuncFact))
	})
}

// FactPossibleParsed implements family.ParsedFact: mayHaveFacts asked of
// the package's syntax and what its imports' types reach (see
// mayHaveFactsParsed).
func (*FuncFact) FactPossibleParsed(p *family.Parsed) bool {
	if frameworkOf(p.Path) != "" {
		return false // see passedOver; the standard library is out of FactScope
	}
	if originPackage(p.Path) {
		return true
	}
	module := ""
	if p.Module != nil {
		module = p.Module.Path
	}
	return mayHaveFactsParsed(p, module, func(fn *types.Func) bool { return p.ImportObjectFact(fn, new(FuncFact)) })
}

// Writes is a set of the kinds of response a handler writes.
type Writes uint8

// The kinds of response.
const (
	WritesJSON    Writes = 1 << iota // JSON, XML or protobuf for programs
	WritesPage                       // an HTML template or text/html
	WritesStatic                     // files
	WritesMetrics                    // metrics
	WritesDebug                      // pprof, expvar
	ReadsJSON                        // decodes a JSON (or YAML) request body: a program's request

	// BesidePages marks no response but a route registered beside the
	// service's own pages: on a router whose registrations in one
	// package serve more pages than JSON (see markBesidePages). Its JSON
	// is for those pages' scripts: KindUI unless its path says API.
	BesidePages

	// Redirects: the handler sends the browser on (a login step, a
	// moved page), a page flow like WritesPage, though it renders no
	// page of its own (markBesidePages counts only those).
	Redirects
)

// FactScope implements family.ScopedFact: a function registers routes or
// answers requests only in a package that imports net/http (every router
// does) or a package whose calls write a response body of a kind
// (encoding/json, encoding/xml, protojson, the template packages); the
// code base's own packages always; the standard library never (net/http's
// API is modelled, and what its other packages register, such as
// net/http/pprof's handlers on the default mux, is no route of the code
// base's own).
func (*FuncFact) FactScope() family.FactScope {
	return family.FactScope{
		Imports: []string{
			"net/http", "encoding/json", "encoding/xml", "html/template", "text/template",
			"google.golang.org/protobuf/encoding/protojson",
		},
		MainModules:       true,
		NoStandardLibrary: true,
	}
}
