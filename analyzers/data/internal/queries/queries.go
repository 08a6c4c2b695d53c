package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// Analyzer finds the query sites of a package. It reports nothing; its
// result is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "dataqueries",
	Doc:        "find SQL query sites and ORM models (helper for the data rules)",
	URL:        "https://github.com/oneway-lint/oneway/tree/main/analyzers/data/internal/queries",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{(*WrapperFact)(nil), (*TableNameFact)(nil), (*QueryFact)(nil)},
}

// Result holds the query sites and ORM models of one package.
type Result struct {
	Sites  []Site  // sorted by position
	Models []Model // sorted by position
}

// Site is one place that issues a query or names a table through an ORM
// or a query builder.
type Site struct {
	Pos token.Pos
	// API is the call that issues the query: "database/sql.DB.QueryContext",
	// a wrapper ("example.com/shop/orders.Store.query") or an ORM method
	// ("gorm.io/gorm.DB.Find").
	API string
	// SQL is the query text as far as it could be resolved, with
	// sqlscan.Hole for the parts that could not; empty for ORM and
	// builder sites.
	SQL string
	// Const names the package-level constant holding the SQL, if any
	// (sqlc-generated queries are such constants).
	Const string
	// Constant is set when the SQL text, or the ORM table, is fully
	// known at compile time.
	Constant bool
	// Statements are what the scanner found in SQL.
	Statements []sqlscan.Statement
	// Tables are every table the site uses, with its access, sorted.
	Tables []sqlscan.Table
	// Store is the kind of datastore the site talks to when it is not a
	// SQL database: "cql" for Cassandra and ScyllaDB (gocql, or an API whose
	// package says so). Tables of one name in two stores are two tables.
	Store string
	// Migrate is set for ORM schema operations (gorm AutoMigrate, bun
	// CreateTable, xorm Sync): schema issued from application code.
	Migrate bool
	// Delegated names the generated function (sqlc's Queries methods) a
	// site is in, package-qualified like API: the function's callers are
	// the sites that use the tables, each with its queries (QueryFact);
	// the site stands for the use only when nothing calls the function.
	Delegated string
	// Calls is set for a call of such a generated function: the site uses
	// its tables; its statements are judged where they are written.
	Calls bool
	// Rollback is set for the migration sites of steps that undo others
	// (goose's down functions, gormigrate's Rollback): they say nothing of
	// the schema the migrations build.
	Rollback bool
	// Migration is set for sites that belong to the versioned schema
	// migrations rather than to the application's use of its data: code
	// of a migrations package, functions registered as migrations
	// (goose.AddMigration, gormigrate.Migration, newFuncMigration(…,
	// func …)), and, except for ORM auto-migration, functions named for
	// running or recording migrations (runMigrations, setSchemaVersion).
	Migration bool
}

// run finds the wrappers of the package, exports their facts, and
// collects the sites.
func run(pass *analysis.Pass) (any, error) {
	if libraryCode(pass.Pkg.Path()) {
		return &Result{}, nil // the libraries themselves are not the application
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	a := &finder{pass: pass, res: newResolver(pass, in), local: map[*types.Func]sink{}}
	a.in = in
	a.migPkg = (migrationPackage(pass.Pkg) || toolingPackage(pass.Pkg)) && a.changesSchema()
	a.registered = registeredMigrations(pass.TypesInfo, in)
	a.collectCalls(in)
	a.findWrappers()
	a.exportFacts()
	a.tableNames()
	out := &Result{}
	fnOf := map[int]*types.Func{}
	for _, c := range a.calls {
		if s, ok := a.sqlSite(c); ok {
			fnOf[len(out.Sites)] = c.fn
			out.Sites = append(out.Sites, s)
		}
	}
	generated := a.generatedQueries(out.Sites, fnOf)
	a.entFacts(in)
	out.Sites = append(out.Sites, a.generatedCallSites(generated)...)
	out.Sites = append(out.Sites, a.ormSites()...)
	out.Sites = append(out.Sites, a.copySites()...)
	out.Sites = append(out.Sites, a.registrySites(in, out.Sites)...)
	out.Models = a.models(in)
	sort.SliceStable(out.Sites, func(i, j int) bool { return out.Sites[i].Pos < out.Sites[j].Pos })
	return out, nil
}

// finder is the state of one run on a package.
type finder struct {
	pass  *analysis.Pass
	res   *resolver
	calls []call
	local map[*types.Func]sink       // wrappers of this package
	names map[*types.TypeName]string // tables named by the package's own types
	// migPkg is set for a migrations package; registered holds the
	// package's functions registered as migrations.
	migPkg     bool
	registered map[*types.Func]migContext
	in         *inspector.Inspector
	schema     *bool       // memo of changesSchema
	genFiles   []*ast.File // the generated files, once asked
}

// call is a call expression and the function declaration it is in.
type call struct {
	expr   *ast.CallExpr
	fn     *types.Func        // the enclosing declared function, or nil
	params map[*types.Var]int // its string parameters
	callee *types.Func
	mig    migContext
}

func (a *finder) collectCalls(in *inspector.Inspector) {
	paramsOf := map[*ast.FuncDecl]map[*types.Var]int{}
	for cur := range in.Root().Preorder((*ast.CallExpr)(nil)) {
		ce := cur.Node().(*ast.CallExpr)
		callee, _ := typeutil.Callee(a.pass.TypesInfo, ce).(*types.Func)
		if callee == nil {
			continue
		}
		c := call{expr: ce, callee: callee, mig: a.migrationContext(cur)}
		for dc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			decl := dc.Node().(*ast.FuncDecl)
			c.fn, _ = a.pass.TypesInfo.Defs[decl.Name].(*types.Func)
			ps, ok := paramsOf[decl]
			if !ok {
				ps = stringParams(a.pass.TypesInfo, decl)
				paramsOf[decl] = ps
			}
			c.params = ps
			break
		}
		a.calls = append(a.calls, c)
	}
}

func stringParams(info *types.Info, decl *ast.FuncDecl) map[*types.Var]int {
	ps := map[*types.Var]int{}
	i := 0
	for _, f := range decl.Type.Params.List {
		names := f.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, n := range names {
			if v, ok := info.Defs[n].(*types.Var); ok && isString(v.Type()) {
				ps[v] = i
			}
			i++
		}
	}
	return ps
}

// sinkOf says whether c passes SQL text, and in which argument.
func (a *finder) sinkOf(fn *types.Func) (sink, bool) {
	if s, ok := a.local[fn]; ok {
		return s, true
	}
	if s, ok := librarySink(fn); ok {
		return s, true
	}
	if fn.Pkg() != nil && fn.Pkg() != a.pass.Pkg {
		var f WrapperFact
		if a.pass.ImportObjectFact(fn.Origin(), &f) {
			return sink{arg: f.Param, api: f.API, strict: f.Strict, template: f.Template, mig: migContext(f.Migration)}, true
		}
	}
	return sink{}, false
}

// findWrappers finds, to a fixed point, the functions that pass one of
// their string parameters to a sink.
func (a *finder) findWrappers() {
	for changed := true; changed; {
		changed = false
		for _, c := range a.calls {
			if c.fn == nil || len(c.params) == 0 {
				continue
			}
			if _, done := a.local[c.fn]; done {
				continue
			}
			s, ok := a.sinkOf(c.callee)
			if !ok || s.arg >= len(c.expr.Args) {
				continue
			}
			if t := a.queryText(c, s); t.param >= 0 {
				w := sink{arg: t.param, api: s.api, strict: s.strict}
				if t.s != marker(t.param) {
					w.template, w.mig = t.s, max(s.mig, c.mig)
				}
				a.local[c.fn] = w
				changed = true
			}
		}
	}
}

// exportFacts exports a WrapperFact for each wrapper other packages can call.
func (a *finder) exportFacts() {
	fns := make([]*types.Func, 0, len(a.local))
	for fn := range a.local {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		if !packageLevel(a.pass.Pkg, fn) {
			continue
		}
		s := a.local[fn]
		a.pass.ExportObjectFact(fn, &WrapperFact{Param: s.arg, API: s.api, Strict: s.strict, Template: s.template, Migration: uint8(s.mig)})
	}
}

// packageLevel reports whether fn is a package-level function or a method
// of a package-level type, which facts can name.
func packageLevel(pkg *types.Package, fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return fn.Parent() == pkg.Scope()
	}
	t := sig.Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Parent() == pkg.Scope()
}

// sqlSite returns the site of a call that passes SQL text, unless the
// text is a parameter of the enclosing wrapper (then its callers are the
// sites).
func (a *finder) sqlSite(c call) (Site, bool) {
	s, ok := a.sinkOf(c.callee)
	if !ok || s.arg >= len(c.expr.Args) {
		return Site{}, false
	}
	t := a.queryText(c, s)
	if t.param >= 0 {
		return Site{}, false
	}
	sts := t.statements()
	if s.strict && !looksLikeSQL(sts) {
		return Site{}, false
	}
	site := Site{
		Pos:        c.expr.Pos(),
		API:        qualified(c.callee, recvName(c.callee)),
		SQL:        t.s,
		Const:      t.name,
		Constant:   t.constant,
		Statements: sts,
		Migration:  max(c.mig, s.mig) != notMigration,
		Rollback:   max(c.mig, s.mig) == migrationRollback,
		Store:      storeOf(s.api),
	}
	site.Tables = tablesOf(sts)
	return site, true
}

// queryText is the query a call to a sink issues: its SQL argument, or
// the sink's template filled in with the call's arguments.
func (a *finder) queryText(c call, s sink) text {
	return nameSlots(a.fillText(c, s))
}

func (a *finder) fillText(c call, s sink) text {
	if s.template == "" {
		return a.res.resolve(c.expr.Args[s.arg], c.params)
	}
	arg := func(i int) text {
		if i >= len(c.expr.Args) {
			return hole()
		}
		return a.res.resolve(c.expr.Args[i], c.params)
	}
	if t, ok := a.rangedText(c, s, arg); ok {
		return t
	}
	return fill(s.template, arg)
}

// rangedText fills a template once per entry of a range over constant
// strings when arguments are the range's key and value
// (for old, new := range renames { renameTable(tx, old, new) }): each
// filled text is a statement of its own.
func (a *finder) rangedText(c call, s sink, arg func(int) text) (text, bool) {
	var over ast.Expr
	keys := map[int]bool{}
	for i, e := range c.expr.Args {
		o, key := a.res.ranged(e)
		if o == nil {
			continue
		}
		if over != nil && o != over {
			return text{}, false
		}
		over = o
		keys[i] = key
	}
	if over == nil {
		return text{}, false
	}
	ps, ok := a.res.pairs(over, 0)
	if !ok || len(ps) == 0 {
		return text{}, false
	}
	elems := map[int64]string{}
	for n, p := range ps {
		t := fill(s.template, func(i int) text {
			key, ranged := keys[i]
			switch {
			case !ranged:
				return arg(i)
			case key:
				return text{s: p.key, constant: true, param: -1}
			}
			return text{s: p.value, constant: true, param: -1}
		})
		if t.param >= 0 || t.alts != nil {
			return text{}, false
		}
		elems[int64(n)] = t.s
	}
	return alternatives(elems), true
}

func recvName(fn *types.Func) string {
	if r := fn.Type().(*types.Signature).Recv(); r != nil {
		return typeName(r.Type())
	}
	return ""
}

// looksLikeSQL reports whether the scanner found a statement with a verb,
// so that a call through an interface method named Get or Exec is only a
// query when its text is one.
func looksLikeSQL(sts []sqlscan.Statement) bool {
	for _, st := range sts {
		if st.Kind != sqlscan.Fragment && st.Kind != sqlscan.Other {
			return true
		}
	}
	return false
}

// tablesOf returns the tables of every statement, sorted, without duplicates.
func tablesOf(sts []sqlscan.Statement) []sqlscan.Table {
	var ts []sqlscan.Table
	for _, st := range sts {
		ts = append(ts, st.Tables...)
	}
	return sortTables(ts)
}

func sortTables(ts []sqlscan.Table) []sqlscan.Table {
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].Name != ts[j].Name {
			return ts[i].Name < ts[j].Name
		}
		return ts[i].Access < ts[j].Access
	})
	out := ts[:0]
	for i, t := range ts {
		if i == 0 || t != ts[i-1] {
			out = append(out, t)
		}
	}
	return out
}
