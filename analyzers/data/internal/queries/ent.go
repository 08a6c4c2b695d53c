package queries

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// The ent code generator's packages, and what its builders' methods do.
const (
	entPath       = "entgo.io/ent"
	entSchemaPath = "entgo.io/ent/dialect/sql/schema"
	entAPI        = "entgo.io/ent"
)

// entBuilders are the suffixes of the builder types ent generates for an
// entity (UserQuery, UserCreate …), longest first, and the access of the
// queries their finishers run.
var entBuilders = []struct {
	suffix string
	acc    sqlscan.Access
}{
	{"CreateBulk", sqlscan.Write}, {"UpsertBulk", sqlscan.Write}, {"UpsertOne", sqlscan.Write},
	{"UpdateOne", sqlscan.Write}, {"DeleteOne", sqlscan.Write}, {"GroupBy", sqlscan.Read},
	{"Create", sqlscan.Write}, {"Update", sqlscan.Write}, {"Delete", sqlscan.Write},
	{"Query", sqlscan.Read}, {"Select", sqlscan.Read}, {"Client", sqlscan.Read},
}

// entFinisher reports whether a method of an ent builder with the given
// suffix runs its query: All, Only, Count … on queries, Save and Exec on
// writes, Get on the entity's client.
func entFinisher(suffix, name string) bool {
	name = strings.TrimSuffix(name, "X")
	switch suffix {
	case "Client":
		return name == "Get"
	case "Query", "Select", "GroupBy":
		switch name {
		case "All", "Only", "OnlyID", "First", "FirstID", "IDs", "Count", "Exist", "Scan",
			"Strings", "String", "Ints", "Int", "Float64s", "Float64", "Bools", "Bool":
			return true
		}
		return false
	}
	return name == "Save" || name == "Exec" || name == "ID" || name == "IDs"
}

// entFacts exports, in an ent client package, a QueryFact on each method
// of a builder that runs its query, naming the entity's table (the Table
// constant of the entity's package): callers of UserQuery.All read users.
// In ent's migrate package, Schema.Create issues the schema of every
// table its schema.Table values name.
func (a *finder) entFacts(in *inspector.Inspector) {
	ent, schema := false, false
	for _, imp := range a.pass.Pkg.Imports() {
		ent = ent || imp.Path() == entPath || strings.HasPrefix(imp.Path(), entPath+"/")
		schema = schema || imp.Path() == entSchemaPath
	}
	if !ent {
		return
	}
	if schema {
		a.entMigrate(in)
	}
	tables := map[string]string{} // by the entity package's name
	for _, imp := range a.pass.Pkg.Imports() {
		if c, ok := imp.Scope().Lookup("Table").(*types.Const); ok && c.Val().Kind() == constant.String {
			tables[imp.Name()] = constant.StringVal(c.Val())
		}
	}
	if len(tables) == 0 {
		return
	}
	scope := a.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		for _, b := range entBuilders {
			entity, ok := strings.CutSuffix(name, b.suffix)
			table := tables[strings.ToLower(entity)]
			if !ok || entity == "" || table == "" {
				continue
			}
			ms := types.NewMethodSet(types.NewPointer(tn.Type()))
			for i := range ms.Len() {
				fn, ok := ms.At(i).Obj().(*types.Func)
				if ok && fn.Pkg() == a.pass.Pkg && entFinisher(b.suffix, fn.Name()) {
					a.pass.ExportObjectFact(fn, &QueryFact{API: entAPI, Constant: true,
						Tables: []sqlscan.Table{{Name: table, Access: b.acc}}})
				}
			}
			break
		}
	}
}

// entMigrate exports, on ent's generated Schema.Create, the tables the
// package's schema.Table values name, as schema issued from code.
func (a *finder) entMigrate(in *inspector.Inspector) {
	var ts []sqlscan.Table
	for cur := range in.Root().Preorder((*ast.CompositeLit)(nil)) {
		lit := cur.Node().(*ast.CompositeLit)
		if !isNamed(deref(a.pass.TypesInfo.TypeOf(lit)), entSchemaPath, "Table") {
			continue
		}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if id, isID := kv.Key.(*ast.Ident); !ok || !isID || id.Name != "Name" {
				continue
			}
			if tv := a.pass.TypesInfo.Types[kv.Value]; tv.Value != nil && tv.Value.Kind() == constant.String {
				ts = append(ts, sqlscan.Table{Name: constant.StringVal(tv.Value), Access: sqlscan.DDL})
			}
		}
	}
	if len(ts) == 0 {
		return
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Name < ts[j].Name })
	ts = slices.Compact(ts)
	if obj, ok := a.pass.Pkg.Scope().Lookup("Schema").(*types.TypeName); ok {
		if m, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, a.pass.Pkg, "Create"); m != nil {
			if fn, ok := m.(*types.Func); ok && fn.Pkg() == a.pass.Pkg {
				a.pass.ExportObjectFact(fn, &QueryFact{API: entAPI, Constant: true, Migrate: true, Tables: ts})
			}
		}
	}
}

// entModel reads an ent schema (a struct embedding ent.Schema) as a model:
// its table (entsql.Annotation{Table: …}, else ent's plural snake case)
// and the columns its Fields method declares, field.JSON's Go type
// deciding what the column holds.
func (a *finder) entModel(obj *types.TypeName) (Model, bool) {
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return Model{}, false
	}
	schema := false
	for i := range st.NumFields() {
		f := st.Field(i)
		schema = schema || f.Embedded() && isNamed(f.Type(), entPath, "Schema")
	}
	if !schema {
		return Model{}, false
	}
	m := Model{Pos: obj.Pos(), Type: a.pass.Pkg.Path() + "." + obj.Name(), ORM: "ent", Table: plural(snake(obj.Name()))}
	for _, f := range a.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Body == nil || len(fd.Recv.List) != 1 {
				continue
			}
			if n := typeName(a.pass.TypesInfo.TypeOf(fd.Recv.List[0].Type)); n != obj.Name() {
				continue
			}
			switch fd.Name.Name {
			case "Fields":
				m.Columns = append(m.Columns, a.entFields(fd)...)
			case "Annotations":
				if t := a.entTable(fd); t != "" {
					m.Table = t
				}
			}
		}
	}
	return m, true
}

// entFields reads the field.X("name", …) calls of a Fields method.
func (a *finder) entFields(fd *ast.FuncDecl) []ModelColumn {
	var cols []ModelColumn
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := a.pass.TypesInfo.Uses[selName(call.Fun)].(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != entPath+"/schema/field" || len(call.Args) == 0 {
			return true
		}
		tv := a.pass.TypesInfo.Types[call.Args[0]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return true
		}
		c := ModelColumn{Pos: call.Pos(), Field: constant.StringVal(tv.Value), Name: constant.StringVal(tv.Value), GoType: fn.Name(), Shape: Typed}
		switch fn.Name() {
		case "JSON":
			c.Serialized, c.DBType = true, "json"
			if len(call.Args) > 1 {
				if t := a.pass.TypesInfo.TypeOf(call.Args[1]); t != nil {
					c.GoType, c.Shape = types.TypeString(t, types.RelativeTo(a.pass.Pkg)), shapeOf(t)
				}
			}
		case "Bytes":
			c.Shape = Bytes
		case "String", "Text":
			c.Shape = Text
		case "Other", "Any":
			c.Shape = Untyped
		}
		cols = append(cols, c)
		return false
	})
	return cols
}

// entTable returns the table an entsql.Annotation{Table: …} in an
// Annotations method names, or "".
func (a *finder) entTable(fd *ast.FuncDecl) string {
	table := ""
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok || table != "" {
			return table == ""
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Table" {
			if tv := a.pass.TypesInfo.Types[kv.Value]; tv.Value != nil && tv.Value.Kind() == constant.String {
				table = constant.StringVal(tv.Value)
			}
		}
		return true
	})
	return table
}

// selName returns the identifier a call's function is named by: F in
// pkg.F or x.F, or the name itself.
func selName(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return e.Sel
	case *ast.Ident:
		return e
	}
	return nil
}
