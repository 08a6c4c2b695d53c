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

	"github.com/oneway-lint/oneway/analyzers/api/routes"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

var findingResultType = reflect.TypeOf((*finding.Result)(nil))

// StorageAnalyzer reports types mapped to database tables that are
// encoded directly as JSON responses.
var StorageAnalyzer = &analysis.Analyzer{
	Name:       "storagemodel",
	Doc:        "report database models encoded directly as JSON responses\n\nRule " + RuleStorageModelExposed + ".",
	URL:        "https://github.com/oneway-lint/oneway/tree/main/analyzers/api",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, routes.Analyzer},
	Run:        runStorage,
	ResultType: findingResultType,
	FactTypes:  []analysis.Fact{(*TablesFact)(nil)},
}

// TablesFact lists the types a package maps to database tables (types
// of any package: rows are often scanned into another package's types).
type TablesFact struct {
	Types []TableType // sorted by Type
}

// AFact implements analysis.Fact.
func (*TablesFact) AFact() {}

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
				if _, ok := tables[t.Type]; !ok {
					tables[t.Type] = t.Why
				}
			}
		}
	}
	res := &finding.Result{}
	if len(tables) == 0 {
		return res, nil
	}
	type exposure struct {
		name  *types.TypeName
		sites []token.Pos
	}
	by := map[string]*exposure{}
	var order []string
	for _, e := range pass.ResultOf[routes.Analyzer].(*routes.Result).Encodes {
		n := findTable(pass.TypesInfo, e.Expr, e.Type, tables, map[types.Type]bool{}, 0)
		if n == nil {
			continue
		}
		k := typeKey(n)
		x := by[k]
		if x == nil {
			x = &exposure{name: n}
			by[k] = x
			order = append(order, k)
		}
		x.sites = append(x.sites, e.Pos)
	}
	for _, k := range order {
		x := by[k]
		var rel []finding.Related
		for _, p := range x.sites[1:] {
			rel = append(rel, finding.Related{Pos: p, Message: "also encoded here"})
		}
		short := x.name.Name()
		if x.name.Pkg() != nil {
			short = x.name.Pkg().Name() + "." + short
		}
		res.Report(pass, finding.Finding{
			Rule:     RuleStorageModelExposed,
			Pos:      x.sites[0],
			Message:  fmt.Sprintf("%s, a database model (%s), is encoded directly as a JSON response", short, tables[k]),
			Subject:  k,
			Evidence: finding.Evidence{Sites: len(x.sites), Packages: 1, Public: true, DataAtRest: true},
			Related:  rel,
		})
	}
	return res, nil
}

// findTable looks for a table type in an encoded value: the value's type
// through pointers, slices, arrays and maps, the fields of structs, and
// the elements of composite literals written at the call.
func findTable(info *types.Info, e ast.Expr, t types.Type, tables map[string]string, seen map[types.Type]bool, depth int) *types.TypeName {
	if e != nil {
		if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
			for _, el := range cl.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				if n := findTable(info, el, info.TypeOf(el), tables, seen, depth+1); n != nil {
					return n
				}
			}
		}
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			return findTable(info, u.X, t, tables, seen, depth)
		}
	}
	if t == nil || depth > 4 || seen[t] {
		return nil
	}
	seen[t] = true
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if _, ok := tables[typeKey(u.Obj())]; ok {
			return u.Obj()
		}
		if st, ok := u.Underlying().(*types.Struct); ok {
			return structTable(info, st, tables, seen, depth)
		}
		return findTable(info, nil, u.Underlying(), tables, seen, depth)
	case *types.Pointer:
		return findTable(info, nil, u.Elem(), tables, seen, depth)
	case *types.Slice:
		return findTable(info, nil, u.Elem(), tables, seen, depth+1)
	case *types.Array:
		return findTable(info, nil, u.Elem(), tables, seen, depth+1)
	case *types.Map:
		return findTable(info, nil, u.Elem(), tables, seen, depth+1)
	case *types.Struct:
		return structTable(info, u, tables, seen, depth)
	}
	return nil
}

func structTable(info *types.Info, st *types.Struct, tables map[string]string, seen map[types.Type]bool, depth int) *types.TypeName {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Exported() || reflect.StructTag(st.Tag(i)).Get("json") == "-" {
			continue
		}
		if n := findTable(info, nil, f.Type(), tables, seen, depth+1); n != nil {
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
						if _, ok := tables[typeKey(tn)]; !ok {
							tables[typeKey(tn)] = "rows scanned into its fields"
						}
					}
				}
			}
		case "Get", "Select", "StructScan", "Find", "First", "Take", "Last", "Create", "Save":
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
					if _, ok := tables[typeKey(tn)]; !ok {
						tables[typeKey(tn)] = "loaded by " + fn.Pkg().Name() + "." + fn.Name()
					}
				}
			}
		}
	})
	return tables
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
		for _, k := range []string{"db", "gorm", "bun", "pg", "xorm"} {
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
