package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// QueryFact marks a function of generated code (sqlc's Queries methods,
// xo's functions) that runs queries of its own: its callers are where the
// application uses the tables, so each call of it is a site with its
// queries.
type QueryFact struct {
	SQL []string // the texts of its queries, holes for unknown parts
	// Tables are the tables it uses when it holds no SQL text (ent's
	// builders name their entity's table).
	Tables []sqlscan.Table
	// Migrate is set when it issues the schema (ent's Schema.Create).
	Migrate  bool
	API      string // the library call they end in
	Constant bool   // every text is known
	Store    string // see Site.Store
}

// AFact implements analysis.Fact.
func (*QueryFact) AFact() {}

func (f *QueryFact) String() string {
	var ts []string
	for _, q := range f.SQL {
		for _, t := range tablesOf(sqlscan.Scan(q)) {
			ts = append(ts, t.Access.String()+" "+t.Name)
		}
	}
	for _, t := range f.Tables {
		ts = append(ts, t.Access.String()+" "+t.Name)
	}
	return "runs queries: " + strings.Join(ts, ", ")
}

// generatedQueries finds the sites of the package's generated functions:
// they are marked Delegated, and each such function gets a QueryFact for
// its callers, exported when other packages can call it.
func (a *finder) generatedQueries(sites []Site, fnOf map[int]*types.Func) map[*types.Func]*QueryFact {
	out := map[*types.Func]*QueryFact{}
	for i := range sites {
		fn := fnOf[i]
		if fn == nil || !a.inGenerated(fn.Pos()) {
			continue
		}
		f := out[fn]
		if f == nil {
			f = &QueryFact{API: sites[i].API, Constant: true, Store: sites[i].Store}
			out[fn] = f
		}
		f.SQL = append(f.SQL, sites[i].SQL)
		f.Constant = f.Constant && sites[i].Constant
		sites[i].Delegated = qualified(fn, recvName(fn))
	}
	fns := make([]*types.Func, 0, len(out))
	for fn := range out {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	for _, fn := range fns {
		if packageLevel(a.pass.Pkg, fn) {
			a.pass.ExportObjectFact(fn, out[fn])
		}
	}
	return out
}

// inGenerated reports whether pos is in a generated file of the package.
func (a *finder) inGenerated(pos token.Pos) bool {
	if a.genFiles == nil {
		a.genFiles = []*ast.File{}
		for _, f := range a.pass.Files {
			if ast.IsGenerated(f) {
				a.genFiles = append(a.genFiles, f)
			}
		}
	}
	for _, f := range a.genFiles {
		if f.FileStart <= pos && pos < f.FileEnd {
			return true
		}
	}
	return false
}

// generatedCallSites returns a site for each call of a generated function
// that runs queries: the caller uses the tables.
func (a *finder) generatedCallSites(local map[*types.Func]*QueryFact) []Site {
	var out []Site
	for _, c := range a.calls {
		f := local[c.callee]
		if f == nil && c.callee.Pkg() != nil && c.callee.Pkg() != a.pass.Pkg {
			var imported QueryFact
			if a.pass.ImportObjectFact(c.callee.Origin(), &imported) {
				f = &imported
			}
		}
		if f == nil || a.inGenerated(c.expr.Pos()) {
			continue // not generated, or generated code calling its own
		}
		site := Site{
			Pos:       c.expr.Pos(),
			API:       qualified(c.callee, recvName(c.callee)),
			SQL:       strings.Join(f.SQL, ";\n"),
			Constant:  f.Constant,
			Store:     f.Store,
			Migration: c.mig >= migrationStep || !f.Migrate && c.mig != notMigration,
			Rollback:  c.mig == migrationRollback,
			Calls:     true,
			Migrate:   f.Migrate,
		}
		// The statements are judged where they are written; the caller
		// uses their tables.
		var sts []sqlscan.Statement
		for _, q := range f.SQL {
			sts = append(sts, sqlscan.Scan(q)...)
		}
		site.Tables = sortTables(append(tablesOf(sts), f.Tables...))
		out = append(out, site)
	}
	return out
}
