package api

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/api/internal/routes"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

var (
	storageResultType = reflect.TypeOf((*StorageResult)(nil))
)

// StorageAnalyzer reports types mapped to database tables that are
// encoded directly as JSON responses.
var StorageAnalyzer = &analysis.Analyzer{
	Name:       "storagemodel",
	Doc:        finding.AnalyzerDoc("report database models encoded directly as JSON responses", "", RuleStorageModelExposed),
	URL:        finding.DocURL(RuleStorageModelExposed),
	Requires:   []*analysis.Analyzer{inspect.Analyzer, routes.Analyzer},
	Run:        runStorage,
	ResultType: storageResultType,
	FactTypes:  []analysis.Fact{(*TablesFact)(nil)},
}

// StorageResult is the result of the storagemodel analyzer on one
// package: the sites where it encodes a table type as a JSON response.
// The decision is the component's ("our API encodes the storage models
// directly"): Global groups the sites of every package by component.
type StorageResult struct {
	Sites []ModelSite // in source order

	// Tables are the types this package finds mapped to tables, and
	// Encodes every value it encodes as a response with the struct
	// types in it: Global matches them against the tables of the whole
	// program, since handlers often reach the database through an
	// interface and never import the package that reads the rows.
	Tables  []TableType // sorted by Type
	Encodes []Encoded   // in source order

	partial []finding.Finding
}

// Encoded is a value encoded as a response, with the named struct types
// it holds in the order they are looked at.
type Encoded struct {
	Pos   token.Pos
	Types []TypeRef
}

// TypeRef names a type.
type TypeRef struct {
	Type  string // package path + "." + name
	Short string // package name + "." + name
}

// maxCandidates bounds the types recorded for one encoded value.
const maxCandidates = 16

func shortName(n *types.TypeName) string {
	if n.Pkg() == nil {
		return n.Name()
	}
	return n.Pkg().Name() + "." + n.Name()
}

// Findings implements finding.Source: the package's decision with
// partial evidence, which the audit lets give way to Global's.
func (r *StorageResult) Findings() []finding.Finding {
	if r == nil {
		return nil
	}
	return r.partial
}

// ModelSite is one place where a table type is encoded as a response.
type ModelSite struct {
	Pos     token.Pos
	Type    string // package path + "." + name
	Short   string // package name + "." + name
	Why     string // why the type maps to a table
	Package string // the package encoding it
}

// TablesFact lists the types a package maps to database tables (types
// of any package: rows are often scanned into another package's types).
type TablesFact struct {
	Types []TableType // sorted by Type
}

// AFact implements analysis.Fact.
func (*TablesFact) AFact() {}

// FactScope implements family.ScopedFact: a package maps types to tables
// when it queries a database (rows scanned into fields, an ORM's calls)
// or declares models (struct tags of the ORMs, a TableName method: the
// text "TableName(", which a word in a comment is not), or imports a
// package that does; the code base's own packages always.
func (*TablesFact) FactScope() family.FactScope {
	return family.FactScope{
		Imports: []string{
			"database/sql", "github.com/jackc/pgx", "github.com/jmoiron/sqlx", "gorm.io/gorm", "github.com/jinzhu/gorm",
			"github.com/uptrace/bun", "github.com/go-pg/pg", "github.com/georgysavva/scany", "xorm.io/xorm",
		},
		Texts:       []string{"TableName(", `db:"`, `gorm:"`, `bun:"`, `pg:"`, `xorm:"`},
		MainModules: true,
	}
}

// String lists the types, for tests and debugging.
func (f *TablesFact) String() string {
	s := "tables"
	for _, t := range f.Types {
		s += " " + t.Type
	}
	return s
}

// TableType is one type mapped to a table, and why it is thought to be.
type TableType struct {
	Type string // package path + "." + name
	Why  string // "rows scanned into its fields", "db struct tags" …
}

func typeKey(n *types.TypeName) string {
	if n.Pkg() == nil {
		return n.Name()
	}
	return n.Pkg().Path() + "." + n.Name()
}

func runStorage(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	tables := localTables(pass, ins)
	local := make(map[string]bool, len(tables))
	for k := range tables {
		local[k] = true
	}
	if len(tables) > 0 {
		f := &TablesFact{}
		for k, why := range tables {
			f.Types = append(f.Types, TableType{Type: k, Why: why})
		}
		sort.Slice(f.Types, func(i, j int) bool { return f.Types[i].Type < f.Types[j].Type })
		pass.ExportPackageFact(f)
	}
	for _, pf := range pass.AllPackageFacts() {
		if tf, ok := pf.Fact.(*TablesFact); ok {
			for _, t := range tf.Types {
				setReason(tables, t.Type, t.Why)
			}
		}
	}
	res := &StorageResult{}
	for k, why := range tables {
		if _, ok := local[k]; ok {
			res.Tables = append(res.Tables, TableType{Type: k, Why: why})
		}
	}
	sort.Slice(res.Tables, func(i, j int) bool { return res.Tables[i].Type < res.Tables[j].Type })
	for _, e := range pass.ResultOf[routes.Analyzer].(*routes.Result).Encodes {
		// Every named struct in the value, in the order findTable
		// visits them, for Global to check against the tables of the
		// whole program.
		var cands []TypeRef
		findTable(pass.TypesInfo, e.Expr, e.Type, func(n *types.TypeName) bool {
			if _, isStruct := n.Type().Underlying().(*types.Struct); isStruct && n.Pkg() != nil && len(cands) < maxCandidates {
				cands = append(cands, TypeRef{Type: typeKey(n), Short: shortName(n)})
			}
			return false
		}, map[types.Type]bool{}, 0)
		if len(cands) > 0 {
			res.Encodes = append(res.Encodes, Encoded{Pos: e.Pos, Types: cands})
		}
		n := findTable(pass.TypesInfo, e.Expr, e.Type, func(n *types.TypeName) bool {
			_, ok := tables[typeKey(n)]
			return ok
		}, map[types.Type]bool{}, 0)
		if n == nil {
			continue
		}
		k := typeKey(n)
		res.Sites = append(res.Sites, ModelSite{Pos: e.Pos, Type: k, Short: shortName(n), Why: tables[k], Package: pass.Pkg.Path()})
	}
	if len(res.Sites) > 0 {
		place := placer(pass, nil)
		f := storageFinding(place(pass.Pkg.Path()).Component, res.Sites)
		f.Evidence.Partial = true
		res.partial = []finding.Finding{f}
		pass.Report(finding.Diagnostic(f))
	}
	return res, nil
}

// storageFinding builds the decision of one component from the sites
// (in source order) where it encodes table types as responses.
func storageFinding(comp string, sites []ModelSite) finding.Finding {
	type model struct {
		short, why string
		n          int
	}
	by := map[string]*model{}
	var keys []string
	pkgs := map[string]bool{}
	var rel []finding.Related
	for i, s := range sites {
		pkgs[s.Package] = true
		m := by[s.Type]
		if m == nil {
			m = &model{short: s.Short, why: s.Why}
			by[s.Type] = m
			keys = append(keys, s.Type)
		}
		m.n++
		if i > 0 {
			rel = append(rel, finding.Related{Pos: s.Pos, Message: s.Short + " (" + s.Why + ") encoded here"})
		}
	}
	// The models encoded most often first, then by name.
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := by[keys[i]], by[keys[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		return keys[i] < keys[j]
	})
	names := make([]string, 0, len(keys))
	for _, k := range keys {
		names = append(names, by[k].short)
	}
	first := by[sites[0].Type]
	msg := fmt.Sprintf("component %s encodes %s directly as JSON responses at %s: %s",
		comp, finding.Count(len(keys), "database model"), finding.Count(len(sites), "site"), list(names, 4))
	if len(keys) == 1 {
		msg = fmt.Sprintf("component %s encodes %s, a database model (%s), directly as JSON responses at %s",
			comp, first.short, first.why, finding.Count(len(sites), "site"))
	}
	return finding.Finding{
		Rule:     RuleStorageModelExposed,
		Pos:      sites[0].Pos,
		Message:  msg,
		Subject:  comp,
		Evidence: finding.Evidence{Sites: len(sites), Packages: len(pkgs), Components: 1, Public: true, DataAtRest: true},
		Related:  rel,
	}
}

// storageGlobal decides api.storage-model-exposed for the whole program:
// one decision per component that encodes table types as responses. A
// type is a table type when any package of the program finds it one.
func storageGlobal(prog *family.Program) []finding.Finding {
	tables := map[string]string{}
	var results []*StorageResult
	var paths []string
	for _, p := range prog.Packages {
		for _, res := range p.Results {
			sr, ok := res.(*StorageResult)
			if !ok || sr == nil {
				continue
			}
			for _, t := range sr.Tables {
				setReason(tables, t.Type, t.Why)
			}
			results = append(results, sr)
			paths = append(paths, p.Path)
		}
	}
	by := map[string][]ModelSite{}
	for i, sr := range results {
		comp := paths[i]
		if prog.Place != nil {
			if c := prog.Place(paths[i]).Component; c != "" {
				comp = c
			}
		}
		for _, e := range sr.Encodes {
			for _, t := range e.Types {
				if why, ok := tables[t.Type]; ok {
					by[comp] = append(by[comp], ModelSite{Pos: e.Pos, Type: t.Type, Short: t.Short, Why: why, Package: paths[i]})
					break
				}
			}
		}
	}
	comps := make([]string, 0, len(by))
	for c := range by {
		comps = append(comps, c)
	}
	sort.Strings(comps)
	var out []finding.Finding
	for _, c := range comps {
		sites := by[c]
		sort.SliceStable(sites, func(i, j int) bool {
			a, b := prog.Fset.Position(sites[i].Pos), prog.Fset.Position(sites[j].Pos)
			if a.Filename != b.Filename {
				return a.Filename < b.Filename
			}
			return a.Offset < b.Offset
		})
		out = append(out, storageFinding(c, sites))
	}
	return out
}

// findTable looks for a table type in an encoded value: the value's type
// through pointers, slices, arrays and maps, the fields of structs, and
// the elements of composite literals written at the call.
func findTable(info *types.Info, e ast.Expr, t types.Type, match func(*types.TypeName) bool, seen map[types.Type]bool, depth int) *types.TypeName {
	if e != nil {
		if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
			for _, el := range cl.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				if n := findTable(info, el, info.TypeOf(el), match, seen, depth+1); n != nil {
					return n
				}
			}
		}
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			return findTable(info, u.X, t, match, seen, depth)
		}
	}
	if t == nil || depth > 4 || seen[t] {
		return nil
	}
	seen[t] = true
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if match(u.Obj()) {
			return u.Obj()
		}
		if st, ok := u.Underlying().(*types.Struct); ok {
			return structTable(info, st, match, seen, depth)
		}
		return findTable(info, nil, u.Underlying(), match, seen, depth)
	case *types.Pointer:
		return findTable(info, nil, u.Elem(), match, seen, depth)
	case *types.Slice:
		return findTable(info, nil, u.Elem(), match, seen, depth+1)
	case *types.Array:
		return findTable(info, nil, u.Elem(), match, seen, depth+1)
	case *types.Map:
		return findTable(info, nil, u.Elem(), match, seen, depth+1)
	case *types.Struct:
		return structTable(info, u, match, seen, depth)
	}
	return nil
}

func structTable(info *types.Info, st *types.Struct, match func(*types.TypeName) bool, seen map[types.Type]bool, depth int) *types.TypeName {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Exported() || reflect.StructTag(st.Tag(i)).Get("json") == "-" {
			continue
		}
		if n := findTable(info, nil, f.Type(), match, seen, depth+1); n != nil {
			return n
		}
	}
	return nil
}

// localTables finds the types this package maps to tables: named
// structs declared here with ORM tags, models or TableName methods, and
// types of any package whose fields rows are scanned into here.
func localTables(pass *analysis.Pass, ins *inspector.Inspector) map[string]string {
	tables := map[string]string{}
	for _, name := range pass.Pkg.Scope().Names() {
		tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if why := modelReason(tn); why != "" {
			tables[typeKey(tn)] = why
		}
	}
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !ok {
			return
		}
		switch fn.Name() {
		case "Scan":
			// rows.Scan(&o.ID, &o.Name, …)
			for _, a := range call.Args {
				u, ok := ast.Unparen(a).(*ast.UnaryExpr)
				if !ok || u.Op != token.AND {
					continue
				}
				sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if s, ok := pass.TypesInfo.Selections[sel]; ok && s.Kind() == types.FieldVal {
					if tn := namedOf(s.Recv()); tn != nil {
						setReason(tables, typeKey(tn), "rows scanned into its fields")
					}
				}
			}
		case "Get", "Select", "GetContext", "SelectContext", "StructScan", "Find", "First", "Take", "Last", "Create", "Save":
			// sqlx db.Get(&v, …), db.Select(&vs, …), gorm db.Find(&vs)
			if fn.Pkg() == nil || !isORM(fn.Pkg().Path()) {
				return
			}
			for _, a := range call.Args {
				u, ok := ast.Unparen(a).(*ast.UnaryExpr)
				if !ok || u.Op != token.AND {
					continue
				}
				if tn := elemNamed(pass.TypesInfo.TypeOf(u.X)); tn != nil {
					setReason(tables, typeKey(tn), "loaded by "+fn.Pkg().Name()+"."+fn.Name())
				}
			}
		}
	})
	return tables
}

// setReason records why a type maps to a table, keeping the strongest
// reason: rows read into it beat a model embedded or a TableName
// method, which beat struct tags (a type may carry db tags and never be
// read from a table).
func setReason(tables map[string]string, key, why string) {
	if old, ok := tables[key]; !ok || reasonRank(why) > reasonRank(old) {
		tables[key] = why
	}
}

func reasonRank(why string) int {
	switch {
	case strings.HasPrefix(why, "rows scanned"), strings.HasPrefix(why, "loaded by"):
		return 3
	case strings.HasPrefix(why, "embeds"), why == "TableName method":
		return 2
	}
	return 1
}

func isORM(p string) bool {
	for _, m := range []string{"github.com/jmoiron/sqlx", "gorm.io/gorm", "github.com/jinzhu/gorm", "github.com/uptrace/bun", "github.com/go-pg/pg", "github.com/georgysavva/scany", "xorm.io/xorm"} {
		if p == m || strings.HasPrefix(p, m+"/") {
			return true
		}
	}
	return false
}

// modelReason says why a type declared in the package is a table model.
func modelReason(tn *types.TypeName) string {
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() {
			if n := namedOf(f.Type()); n != nil && n.Pkg() != nil && isORM(n.Pkg().Path()) && (n.Name() == "Model" || n.Name() == "BaseModel") {
				return "embeds " + n.Pkg().Name() + "." + n.Name()
			}
		}
		tag := reflect.StructTag(st.Tag(i))
		for _, k := range modelTagKeys {
			if v, ok := tag.Lookup(k); ok && v != "-" {
				return k + " struct tags"
			}
		}
	}
	if m, _, _ := types.LookupFieldOrMethod(tn.Type(), true, tn.Pkg(), "TableName"); m != nil {
		if _, ok := m.(*types.Func); ok {
			return "TableName method"
		}
	}
	return ""
}

// namedOf returns the named struct type of t or *t.
func namedOf(t types.Type) *types.TypeName {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if _, ok := n.Underlying().(*types.Struct); ok {
			return n.Obj()
		}
	}
	return nil
}

// elemNamed returns the named struct type of T, *T, []T or []*T.
func elemNamed(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	return namedOf(t)
}
