package queries

import (
	"go/ast"
	"go/types"
	"reflect"
	"sort"
	"strings"
	"unicode"
)

// TableNameFact records the table a model type maps to, from its
// TableName method or its bun:"table:…" tag, so that models declared in
// another package map to the same table.
type TableNameFact struct {
	Name string
}

// AFact implements analysis.Fact.
func (*TableNameFact) AFact() {}

func (f *TableNameFact) String() string { return "table " + f.Name }

// tableOfType is the table of a model type: its TableName method or bun
// tag, else the ORM's naming convention.
func (a *finder) tableOfType(obj *types.TypeName, lib string) string {
	if name, ok := a.tableNames()[obj]; ok {
		return name
	}
	var f TableNameFact
	if obj.Pkg() != a.pass.Pkg && a.pass.ImportObjectFact(obj, &f) {
		return f.Name
	}
	if owner := promotedTableName(obj); owner != nil {
		return a.tableOfType(owner, lib)
	}
	return conventionalName(obj.Name(), lib)
}

// promotedTableName returns the embedded model whose TableName method a
// struct gets by embedding it (xorm:"extends", a gorm projection that
// embeds its model): the ORM maps the struct to that model's table.
func promotedTableName(obj *types.TypeName) *types.TypeName {
	m, index, _ := types.LookupFieldOrMethod(obj.Type(), true, obj.Pkg(), "TableName")
	fn, ok := m.(*types.Func)
	if !ok || len(index) < 2 {
		return nil // none, or the type's own
	}
	if n := namedRecv(fn); n != nil && n.Obj() != obj {
		return n.Obj()
	}
	return nil
}

// conventionalName is the table an ORM derives from a type name: gorm
// and bun use plural snake case, xorm snake case.
func conventionalName(typeName, lib string) string {
	s := snake(typeName)
	if lib == "xorm" {
		return s
	}
	return plural(s)
}

// snake converts a Go name to snake case the way gorm does: UserID →
// user_id, HTTPLog → http_log.
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) {
			if i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
				i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plural makes the last word of a snake-case name plural with the common
// English rules used by the inflection package.
func plural(s string) string {
	head, last := "", s
	if i := strings.LastIndexByte(s, '_'); i >= 0 {
		head, last = s[:i+1], s[i+1:]
	}
	switch last {
	case "person":
		return head + "people"
	case "child":
		return head + "children"
	case "man":
		return head + "men"
	case "data", "info", "information", "news", "series", "equipment", "money", "metadata":
		return s
	}
	switch {
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		return head + last[:len(last)-1] + "ies"
	case strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"), strings.HasSuffix(last, "z"),
		strings.HasSuffix(last, "ch"), strings.HasSuffix(last, "sh"):
		return head + last + "es"
	}
	return head + last + "s"
}

// tableNames returns the tables that the package's own types name through
// a TableName method returning a constant or a bun:"table:…" tag.
func (a *finder) tableNames() map[*types.TypeName]string {
	if a.names != nil {
		return a.names
	}
	a.names = map[*types.TypeName]string{}
	for _, f := range a.pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.Name != "TableName" || d.Recv == nil || d.Body == nil || len(d.Body.List) != 1 {
					continue
				}
				ret, ok := d.Body.List[0].(*ast.ReturnStmt)
				if !ok || len(ret.Results) != 1 {
					continue
				}
				fn, _ := a.pass.TypesInfo.Defs[d.Name].(*types.Func)
				if fn == nil {
					continue
				}
				named := namedRecv(fn)
				t := a.res.resolve(ret.Results[0], nil)
				if named != nil && t.constant {
					a.names[named.Obj()] = t.s
				}
			case *ast.GenDecl:
				for _, sp := range d.Specs {
					ts, ok := sp.(*ast.TypeSpec)
					if !ok {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, fld := range st.Fields.List {
						if len(fld.Names) != 0 || fld.Tag == nil {
							continue
						}
						tag := reflect.StructTag(strings.Trim(fld.Tag.Value, "`"))
						for _, part := range strings.Split(tag.Get("bun"), ",") {
							if name, ok := strings.CutPrefix(part, "table:"); ok && name != "" {
								if obj, ok := a.pass.TypesInfo.Defs[ts.Name].(*types.TypeName); ok {
									a.names[obj] = name
								}
							}
						}
					}
				}
			}
		}
	}
	objs := make([]*types.TypeName, 0, len(a.names))
	for obj := range a.names {
		objs = append(objs, obj)
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Pos() < objs[j].Pos() })
	for _, obj := range objs {
		if obj.Parent() == a.pass.Pkg.Scope() {
			a.pass.ExportObjectFact(obj, &TableNameFact{Name: a.names[obj]})
		}
	}
	return a.names
}

func namedRecv(fn *types.Func) *types.Named {
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil // a method declaration without a receiver (a package with errors)
	}
	t := recv.Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
