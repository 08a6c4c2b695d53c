package queries

import "github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"

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
