package queries

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// gormSite handles finishers on *gorm.DB and its Migrator.
func (a *finder) gormSite(c call) (Site, bool) {
	name := c.callee.Name()
	var acc sqlscan.Access
	switch name {
	case "Find", "First", "Take", "Last", "Count", "Pluck", "Scan", "Row", "Rows", "FindInBatches", "FirstOrInit":
		acc = sqlscan.Read
	case "Create", "CreateInBatches", "Save", "Delete", "Update", "Updates", "UpdateColumn", "UpdateColumns", "FirstOrCreate":
		acc = sqlscan.Write
	case "AutoMigrate", "CreateTable", "DropTable", "RenameTable", "AddColumn", "DropColumn", "AlterColumn", "CreateIndex",
		"RenameColumn", "DropIndex", "RenameIndex", "CreateConstraint", "DropConstraint",
		"DropTableIfExists", "ModifyColumn", "AddIndex", "AddUniqueIndex", "RemoveIndex", "AddForeignKey", "RemoveForeignKey": // GORM 1's, on the DB
		site := a.migrateSite(c, "gorm")
		if len(site.Tables) == 0 && recvName(c.callee) == "DB" {
			// GORM 1 changes the table its chain names:
			// db.Model(&User{}).DropColumn("name").
			calls := a.chain(c.expr)
			site.Tables, site.Constant = a.chainTables(calls[:len(calls)-1], sqlscan.DDL)
		}
		return site, true
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
	site.Tables, site.Constant = a.chainTables(calls[:len(calls)-1], acc)
	for _, oc := range calls[:len(calls)-1] {
		switch oc.name {
		case "Raw", "Exec":
			return Site{}, false // the SQL site covers it
		case "Model":
			if len(oc.args) > 0 && model == nil {
				model = a.modelType(oc.args[0])
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

// chainTables returns the table a gorm chain names, with the given
// access: its last Table's (gorm's Table wins over the Model's, in either
// order), else its first Model's; and whether it is known statically.
func (a *finder) chainTables(calls []ormCall, acc sqlscan.Access) ([]sqlscan.Table, bool) {
	var tables []sqlscan.Table
	constant := true
	for _, oc := range calls {
		if len(oc.args) == 0 {
			continue
		}
		switch oc.name {
		case "Table":
			tables, constant = a.tableExpr(oc.args[0], acc)
		case "Model":
			if len(tables) == 0 {
				if t, ok := a.modelTable(oc.args[0], "gorm"); ok {
					tables = []sqlscan.Table{{Name: t, Access: acc}}
				}
			}
		}
	}
	return tables, constant
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
	if n := structOf(f.Type()); n != nil {
		return n, tag, true
	}
	return nil, "", false
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
