package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// Model is a struct type mapped to a table by an ORM (gorm, bun, xorm).
type Model struct {
	Pos     token.Pos
	Type    string // package-qualified type name
	Table   string
	ORM     string // "gorm", "bun" or "xorm"
	Columns []ModelColumn
	// Migration is set for a model of a migrations package: a snapshot of
	// the table at one version, which the application's own model
	// supersedes.
	Migration bool
}

// ModelColumn is one mapped field of a model.
type ModelColumn struct {
	Pos    token.Pos
	Field  string // the Go field name
	Name   string // the column name
	DBType string // the column type from the tag (gorm:"type:jsonb"), lower case, or ""
	GoType string // the field's Go type
	// Serialized is set when the ORM stores the field as one encoded value
	// (gorm serializer:json, xorm json, bun json_use_number / type:json).
	Serialized bool
	// Shape is what the Go type says of the stored value.
	Shape Shape
}

// Shape is what a field's Go type says of the value a column stores.
type Shape uint8

// The shapes of stored values.
const (
	// Typed: a type that declares its fields or elements (a struct,
	// []string, map[string][]string, time.Time, a number).
	Typed Shape = iota
	// Untyped: any, map[string]any, json.RawMessage, datatypes.JSON:
	// whatever fields the writers put in.
	Untyped
	// Bytes: []byte, opaque unless the ORM stores it as JSON.
	Bytes
	// Text: a string, opaque unless the ORM stores it as JSON.
	Text
)

// shapeOf says what t declares of the value it stores.
func shapeOf(t types.Type) Shape {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch path, name := n.Obj().Pkg().Path(), n.Obj().Name(); {
		case path == "encoding/json" && name == "RawMessage",
			path == "gorm.io/datatypes" && (name == "JSON" || name == "JSONMap"):
			return Untyped
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return Untyped
	case *types.Map:
		if shapeOf(u.Elem()) == Untyped {
			return Untyped
		}
	case *types.Slice:
		if b, ok := types.Unalias(u.Elem()).(*types.Basic); ok && b.Kind() == types.Byte {
			return Bytes
		}
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			return Text
		}
	}
	return Typed
}

// gormV1 is the import path of GORM 1 (github.com/jinzhu/gorm), whose
// *DB has the API of gorm.io/gorm's for what the analyzer reads (Table,
// Model, the finishers, Raw, Exec, AutoMigrate, gorm.Model), the
// migrations on the DB itself.
const gormV1 = "github.com/jinzhu/gorm"

// isGORM reports whether lib is either GORM.
func isGORM(lib string) bool { return lib == "gorm.io/gorm" || lib == gormV1 }

// isGORMModel reports whether t is either GORM's gorm.Model.
func isGORMModel(t types.Type) bool {
	return isNamed(t, "gorm.io/gorm", "Model") || isNamed(t, gormV1, "Model")
}

// orm names an ORM or builder library by import path.
func orm(path string) string {
	switch {
	case isGORM(path):
		return "gorm"
	case path == "github.com/uptrace/bun":
		return "bun"
	case path == "xorm.io/xorm":
		return "xorm"
	case path == "github.com/Masterminds/squirrel":
		return "squirrel"
	case strings.HasPrefix(path, "github.com/doug-martin/goqu"):
		return "goqu"
	case path == "github.com/huandu/go-sqlbuilder":
		return "sqlbuilder"
	}
	return ""
}

// ormCall is one call of a method chain: db.Model(&u).Where(…).Find(&x).
type ormCall struct {
	name string
	args []ast.Expr
}

// chain returns the method calls below and including c, innermost first,
// following a receiver held in a variable to the chain it was first
// assigned (query := s.Table("labels").Select(…); query.Find(&rows)).
func (a *finder) chain(c *ast.CallExpr) []ormCall {
	var out []ormCall
	hops := 0
	for {
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
				out = append(out, ormCall{name: id.Name, args: c.Args})
			}
			break
		}
		out = append(out, ormCall{name: sel.Sel.Name, args: c.Args})
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok && hops < 5 {
			inner, ok = a.assignedChain(sel.X)
			hops++
		}
		if !ok {
			break
		}
		c = inner
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// assignedChain returns the call a local variable was first assigned, when
// e is one: the start of the chain it holds.
func (a *finder) assignedChain(e ast.Expr) (*ast.CallExpr, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := a.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == a.pass.Pkg.Scope() || v.Parent() == nil {
		return nil, false
	}
	as := a.res.assigns[v]
	if len(as) == 0 || as[0].rhs == nil || as[0].add {
		return nil, false
	}
	call, ok := ast.Unparen(as[0].rhs).(*ast.CallExpr)
	return call, ok
}

// ormSites finds the tables named by ORM and builder calls.
func (a *finder) ormSites() []Site {
	var sites []Site
	for _, c := range a.calls {
		lib := orm(pathOf(c.callee))
		if lib == "" {
			continue
		}
		var s Site
		var ok bool
		switch lib {
		case "gorm":
			s, ok = a.gormSite(c)
		case "bun":
			s, ok = a.bunSite(c)
		case "xorm":
			s, ok = a.xormSite(c)
		case "squirrel", "goqu", "sqlbuilder":
			s, ok = a.builderSite(c, lib)
		}
		if ok {
			s.Pos = c.expr.Pos()
			s.API = qualified(c.callee, recvName(c.callee))
			s.Tables = sortTables(applicationTables(s.Tables))
			// Auto-migration is schema in code unless a versioned
			// migration runs it; a function's name does not version it.
			s.Migration = c.mig >= migrationStep || !s.Migrate && c.mig != notMigration
			s.Rollback = c.mig == migrationRollback
			sites = append(sites, s)
		}
	}
	return sites
}

// applicationTables drops the database's catalogue from ts: a gorm
// Table("information_schema.tables") or a model of pg_stat_activity names
// no table of the application.
func applicationTables(ts []sqlscan.Table) []sqlscan.Table {
	out := ts[:0]
	for _, t := range ts {
		if !sqlscan.Catalogue(t.Name) {
			out = append(out, t)
		}
	}
	return out
}

func pathOf(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}

// migrateSite is a schema operation of an ORM: every argument that is a
// model is a table with access DDL. A drop (gorm's Migrator().DropTable,
// xorm's DropTables) is also the statement it runs, so that the schema's
// replay knows the table is gone.
func (a *finder) migrateSite(c call, lib string) Site {
	site := Site{Migrate: true, Constant: true}
	// A string names a table only in a call about tables (CreateTable,
	// DropTableIfExists("users")); DropColumn(&User{}, "name"),
	// CreateIndex(&User{}, "idx_name") name a column or an index.
	namesTables := strings.Contains(c.callee.Name(), "Table")
	for _, arg := range c.expr.Args {
		if t, ok := a.modelTable(arg, lib); ok {
			site.Tables = append(site.Tables, sqlscan.Table{Name: t, Access: sqlscan.DDL})
		} else if tv, ok := a.pass.TypesInfo.Types[arg]; ok && isString(tv.Type) && namesTables {
			ts, constant := a.tableExpr(arg, sqlscan.DDL)
			site.Tables = append(site.Tables, ts...)
			site.Constant = site.Constant && constant
		}
	}
	if strings.HasPrefix(c.callee.Name(), "Drop") && strings.Contains(c.callee.Name(), "Table") && len(site.Tables) > 0 {
		site.Statements = []sqlscan.Statement{{Kind: sqlscan.Drop, DDL: true, Tables: site.Tables}}
	}
	return site
}

// tableExpr reads the tables of a table expression ("users u",
// "billing.invoices", "(SELECT …) AS x") with the given access.
func (a *finder) tableExpr(e ast.Expr, acc sqlscan.Access) ([]sqlscan.Table, bool) {
	t := a.res.resolve(e, nil)
	var out []sqlscan.Table
	for _, expr := range t.each() {
		first := true
		for _, st := range sqlscan.Scan("SELECT 1 FROM " + expr) {
			for _, tb := range st.Tables {
				if tb.Access == sqlscan.Read && first {
					tb.Access = acc // the first table is the builder's target
				}
				first = false
				out = append(out, tb)
			}
		}
	}
	return out, t.constant && len(out) > 0
}

// modelTable returns the table of a model argument: &User{}, &users,
// new(User), (*User)(nil), User{}.
func (a *finder) modelTable(e ast.Expr, lib string) (string, bool) {
	n := a.modelType(e)
	if n == nil {
		return "", false
	}
	return a.tableOfType(n.Obj(), lib), true
}

// modelType returns the struct type of a model argument, or nil.
func (a *finder) modelType(e ast.Expr) *types.Named {
	return structOf(a.pass.TypesInfo.TypeOf(e))
}

// structOf returns the named struct type t holds, through pointers,
// slices and arrays (&users, []*User), or nil.
func structOf(t types.Type) *types.Named {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		case *types.Named:
			if _, ok := u.Underlying().(*types.Struct); !ok {
				return nil
			}
			return u
		}
		return nil
	}
	return nil
}
