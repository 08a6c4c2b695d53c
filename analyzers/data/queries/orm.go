package queries

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/oneway-lint/oneway/analyzers/data/sqlscan"
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

// orm names an ORM or builder library by import path.
func orm(path string) string {
	switch {
	case path == "gorm.io/gorm":
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

// gormSite handles finishers on *gorm.DB and its Migrator.
func (a *finder) gormSite(c call) (Site, bool) {
	name := c.callee.Name()
	var acc sqlscan.Access
	switch name {
	case "Find", "First", "Take", "Last", "Count", "Pluck", "Scan", "Row", "Rows", "FindInBatches", "FirstOrInit":
		acc = sqlscan.Read
	case "Create", "CreateInBatches", "Save", "Delete", "Update", "Updates", "UpdateColumn", "UpdateColumns", "FirstOrCreate":
		acc = sqlscan.Write
	case "AutoMigrate", "CreateTable", "DropTable", "RenameTable", "AddColumn", "DropColumn", "AlterColumn", "CreateIndex":
		return a.migrateSite(c, "gorm"), true
	default:
		return Site{}, false
	}
	if recvName(c.callee) != "DB" {
		return Site{}, false
	}
	calls := a.chain(c.expr)
	site := Site{Constant: true}
	var joined []sqlscan.Table
	var model *types.Named // the schema gorm reads preloads from: Model's, else the destination's
	var preloads []ast.Expr
	for _, oc := range calls[:len(calls)-1] {
		switch oc.name {
		case "Raw", "Exec":
			return Site{}, false // the SQL site covers it
		case "Table":
			if len(oc.args) > 0 {
				site.Tables, site.Constant = a.tableExpr(oc.args[0], acc)
			}
		case "Model":
			if len(oc.args) > 0 && model == nil {
				model = a.modelType(oc.args[0])
			}
			if len(oc.args) > 0 && len(site.Tables) == 0 {
				if t, ok := a.modelTable(oc.args[0], "gorm"); ok {
					site.Tables = []sqlscan.Table{{Name: t, Access: acc}}
				}
			}
		case "Joins":
			if len(oc.args) > 0 {
				joined = append(joined, a.joinClause(oc.args[0])...)
			}
		case "Preload":
			if len(oc.args) > 0 {
				preloads = append(preloads, oc.args[0])
			}
		}
	}
	if len(c.expr.Args) > 0 && name != "Scan" && name != "Pluck" && name != "Count" {
		if model == nil {
			model = a.modelType(c.expr.Args[0])
		}
		if len(site.Tables) == 0 {
			if t, ok := a.modelTable(c.expr.Args[0], "gorm"); ok {
				site.Tables = []sqlscan.Table{{Name: t, Access: acc}}
			}
		}
	}
	if len(site.Tables) > 0 {
		site.Tables = append(site.Tables, joined...)
	}
	if model != nil && preloading(name) {
		for _, p := range preloads {
			site.Tables = append(site.Tables, a.preloaded(model, p)...)
		}
	}
	if len(site.Tables) == 0 {
		site.Constant = false
	}
	return site, true
}

// preloading reports whether a gorm finisher runs the query callback,
// which loads the preloaded associations (Count, Row, Rows, Scan and
// Pluck do not).
func preloading(finisher string) bool {
	switch finisher {
	case "Find", "First", "Take", "Last", "FindInBatches", "FirstOrInit":
		return true
	}
	return false
}

// preloaded returns the tables gorm's Preload("Contacts.Address") reads
// from model: the table of each association on the path, and the join
// table of a many2many one, all read in queries of their own. A path that
// does not name associations of the model (clause.Associations, a name
// built at run time, a field of another type) adds nothing.
func (a *finder) preloaded(model *types.Named, e ast.Expr) []sqlscan.Table {
	t := a.res.resolve(e, nil)
	if !t.constant || t.s == "" {
		return nil
	}
	var out []sqlscan.Table
	for _, field := range strings.Split(t.s, ".") {
		typ, tag, ok := association(model, field)
		if !ok {
			return nil
		}
		out = append(out, sqlscan.Table{Name: a.tableOfType(typ.Obj(), "gorm"), Access: sqlscan.Read})
		if join := gormSetting(tag, "many2many"); join != "" {
			out = append(out, sqlscan.Table{Name: join, Access: sqlscan.Read})
		}
		model = typ
	}
	return out
}

// association returns the model type and gorm tag of the field of model
// named name, when it holds other models (a struct, a pointer to one or a
// slice of them); promoted fields of embedded structs count.
func association(model *types.Named, name string) (*types.Named, string, bool) {
	obj, index, _ := types.LookupFieldOrMethod(model, true, nil, name)
	f, ok := obj.(*types.Var)
	if !ok || !f.IsField() || !f.Exported() {
		return nil, "", false
	}
	// The tag is the last struct's on the path of embedded fields.
	st, _ := model.Underlying().(*types.Struct)
	for _, i := range index[:len(index)-1] {
		if st == nil {
			return nil, "", false
		}
		st, _ = deref(st.Field(i).Type()).Underlying().(*types.Struct)
	}
	if st == nil {
		return nil, "", false
	}
	tag := reflect.StructTag(st.Tag(index[len(index)-1])).Get("gorm")
	if !relation(f.Type(), tag) {
		return nil, "", false
	}
	t := f.Type()
	for {
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
			if _, ok := u.Underlying().(*types.Struct); ok {
				return u, tag, true
			}
		}
		return nil, "", false
	}
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// gormSetting returns the value of key in a gorm tag ("many2many:user_languages;…").
func gormSetting(tag, key string) string {
	for _, part := range strings.Split(tag, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), ":")
		if strings.EqualFold(k, key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// migrateSite is a schema operation of an ORM: every argument that is a
// model is a table with access DDL. A drop (gorm's Migrator().DropTable,
// xorm's DropTables) is also the statement it runs, so that the schema's
// replay knows the table is gone.
func (a *finder) migrateSite(c call, lib string) Site {
	site := Site{Migrate: true, Constant: true}
	for _, arg := range c.expr.Args {
		if t, ok := a.modelTable(arg, lib); ok {
			site.Tables = append(site.Tables, sqlscan.Table{Name: t, Access: sqlscan.DDL})
		} else if tv, ok := a.pass.TypesInfo.Types[arg]; ok && isString(tv.Type) {
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

// bunSite handles finishers of bun queries started with db.NewSelect() & co.
func (a *finder) bunSite(c call) (Site, bool) {
	switch c.callee.Name() {
	case "Scan", "Exec", "Count", "ScanAndCount", "Rows", "Exists":
	default:
		return Site{}, false
	}
	calls := a.chain(c.expr)
	var acc sqlscan.Access
	migrate := false
	for _, oc := range calls {
		switch oc.name {
		case "NewSelect":
			acc = sqlscan.Read
		case "NewInsert", "NewUpdate", "NewDelete", "NewMerge", "NewTruncateTable":
			acc = sqlscan.Write
		case "NewCreateTable", "NewDropTable", "NewCreateIndex", "NewDropIndex", "NewAddColumn", "NewDropColumn":
			acc, migrate = sqlscan.DDL, true
		}
	}
	if acc == 0 {
		return Site{}, false
	}
	site := Site{Constant: true, Migrate: migrate}
	var joined []sqlscan.Table
	for _, oc := range calls {
		switch oc.name {
		case "Model":
			if len(oc.args) > 0 && len(site.Tables) == 0 {
				if t, ok := a.modelTable(oc.args[0], "bun"); ok {
					site.Tables = []sqlscan.Table{{Name: t, Access: acc}}
				}
			}
		case "Table", "TableExpr", "ModelTableExpr":
			for _, arg := range oc.args {
				if tv, ok := a.pass.TypesInfo.Types[arg]; ok && isString(tv.Type) {
					ts, constant := a.tableExpr(arg, acc)
					site.Tables = append(site.Tables, ts...)
					site.Constant = site.Constant && constant
				}
			}
		case "Join":
			// Join("JOIN comments AS c ON c.post_id = p.id"): the joined
			// tables are read, whatever the query does to its own.
			if len(oc.args) > 0 {
				joined = append(joined, a.joinClause(oc.args[0])...)
			}
		}
	}
	if len(site.Tables) == 0 {
		site.Constant = false
	}
	site.Tables = append(site.Tables, joined...)
	return site, true
}

// xormSite handles finishers on *xorm.Engine and *xorm.Session.
func (a *finder) xormSite(c call) (Site, bool) {
	var acc sqlscan.Access
	switch c.callee.Name() {
	case "Find", "Get", "Iterate", "Count", "Exist", "Rows", "FindAndCount", "SumInt", "Sum", "Sums":
		acc = sqlscan.Read
	case "Insert", "InsertOne", "InsertMulti", "Update", "Delete":
		acc = sqlscan.Write
	case "Sync", "Sync2", "CreateTables", "CreateTable", "DropTables", "DropTable", "CreateIndexes", "CreateUniques":
		return a.migrateSite(c, "xorm"), true
	default:
		return Site{}, false
	}
	calls := a.chain(c.expr)
	site := Site{Constant: true}
	for _, oc := range calls[:len(calls)-1] {
		if oc.name == "SQL" {
			// engine.SQL("SELECT …").Find(&rows) runs the given SQL once:
			// the SQL site covers it, and the model only receives the rows.
			return Site{}, false
		}
		if oc.name != "Table" || len(oc.args) == 0 {
			continue
		}
		if tv, ok := a.pass.TypesInfo.Types[oc.args[0]]; ok && isString(tv.Type) {
			site.Tables, site.Constant = a.tableExpr(oc.args[0], acc)
		} else if t, ok := a.modelTable(oc.args[0], "xorm"); ok {
			site.Tables = []sqlscan.Table{{Name: t, Access: acc}}
		}
	}
	if len(site.Tables) == 0 && len(c.expr.Args) > 0 {
		if t, ok := a.modelTable(c.expr.Args[0], "xorm"); ok {
			site.Tables = []sqlscan.Table{{Name: t, Access: acc}}
		}
	}
	if len(site.Tables) == 0 {
		site.Constant = false
	}
	return site, true
}

// builderSite handles the table arguments of the squirrel, goqu and
// huandu/go-sqlbuilder builders: the table a statement starts from or
// writes to, and the tables it joins.
func (a *finder) builderSite(c call, lib string) (Site, bool) {
	var acc sqlscan.Access
	recv := recvName(c.callee)
	args := c.expr.Args
	switch name := c.callee.Name(); {
	case name == "Insert" || name == "Into" || name == "Replace" || name == "Update" || name == "Delete" && lib == "squirrel",
		name == "InsertInto" || name == "InsertIgnoreInto" || name == "ReplaceInto" || name == "DeleteFrom":
		acc = sqlscan.Write
	case name == "Delete" && len(args) > 0: // goqu.Delete("t")
		acc = sqlscan.Write
	case name == "Table" && (strings.Contains(recv, "Update") || strings.Contains(recv, "Insert")):
		acc = sqlscan.Write
	case name == "From" && strings.Contains(recv, "Delete"):
		acc = sqlscan.Write
	case name == "From" || name == "SelectFrom":
		acc = sqlscan.Read
	case strings.HasSuffix(name, "Join") || name == "JoinWithOption":
		// Join("teams t ON …"), Join(goqu.T("teams"), …),
		// JoinWithOption(sqlbuilder.LeftJoin, "teams t", "t.id = …"): the
		// first table-like argument is the joined table, the rest are
		// conditions.
		acc = sqlscan.Read
		args = a.joinedTable(args)
	default:
		return Site{}, false
	}
	if len(args) == 0 {
		return Site{}, false
	}
	ctes, used := a.prefix(c.expr)
	site := Site{Constant: true}
	if acc == sqlscan.Read && (c.callee.Name() == "From" || c.callee.Name() == "SelectFrom") {
		site.Tables = append(site.Tables, used...) // the prefix's CTEs read them for this query
	}
	for _, arg := range args {
		arg = a.unwrapIdentifier(arg)
		if tv, ok := a.pass.TypesInfo.Types[arg]; ok && !isString(tv.Type) && lib == "sqlbuilder" {
			continue // go-sqlbuilder's Struct.InsertInto(table, values…)
		}
		ts, constant := a.tableExpr(arg, acc)
		ts = slices.DeleteFunc(ts, func(t sqlscan.Table) bool { return slices.Contains(ctes, strings.ToUpper(t.Name)) })
		site.Tables = append(site.Tables, ts...)
		site.Constant = site.Constant && constant
	}
	if len(site.Tables) == 0 {
		site.Constant = false
	}
	return site, true
}

// prefix reads the WITH clause a builder chain's Prefix holds
// (Prefix("WITH RECURSIVE tree AS (SELECT … FROM spaces …)").From("tree t")):
// the names of its CTEs, no tables for the From and joins of the chain,
// and the tables the CTEs read.
func (a *finder) prefix(c *ast.CallExpr) (ctes []string, used []sqlscan.Table) {
	for _, oc := range a.chain(c) {
		if oc.name != "Prefix" || len(oc.args) == 0 {
			continue
		}
		for _, q := range a.res.resolve(oc.args[0], nil).each() {
			names := sqlscan.CTENames(q)
			if len(names) == 0 {
				continue
			}
			ctes = append(ctes, names...)
			used = append(used, tablesOf(sqlscan.Scan(q+" SELECT 1"))...)
		}
	}
	return ctes, used
}

// joinedTable returns the argument of a join call that names the table:
// the first plain string (not a named string type such as go-sqlbuilder's
// JoinOption) or identifier expression.
func (a *finder) joinedTable(args []ast.Expr) []ast.Expr {
	for _, arg := range args {
		arg = a.unwrapIdentifier(arg)
		if tv, ok := a.pass.TypesInfo.Types[arg]; ok && isString(tv.Type) {
			if _, named := types.Unalias(tv.Type).(*types.Named); !named {
				return []ast.Expr{arg}
			}
		}
	}
	return nil
}

// joinClause reads the tables of gorm's Joins("JOIN applications ON …"),
// all read; a Joins("Company") naming an association adds nothing.
func (a *finder) joinClause(e ast.Expr) []sqlscan.Table {
	const base = "oneway_join_base"
	var out []sqlscan.Table
	for _, clause := range a.res.resolve(e, nil).each() {
		if !strings.Contains(strings.ToUpper(clause), "JOIN ") {
			continue
		}
		for _, st := range sqlscan.Scan("SELECT 1 FROM " + base + " " + clause) {
			for _, tb := range st.Tables {
				if tb.Name != base {
					tb.Access = sqlscan.Read
					out = append(out, tb)
				}
			}
		}
	}
	return out
}

// unwrapIdentifier turns goqu.T("users") and goqu.I("s.users") into their
// argument, also when aliased: goqu.T("users").As("u").
func (a *finder) unwrapIdentifier(e ast.Expr) ast.Expr {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return e
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return e
	}
	switch sel.Sel.Name {
	case "T", "I":
		return c.Args[0]
	case "As":
		if inner := a.unwrapIdentifier(sel.X); inner != ast.Unparen(sel.X) {
			return inner
		}
	}
	return e
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
	t := a.pass.TypesInfo.TypeOf(e)
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
	t := fn.Type().(*types.Signature).Recv().Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
