package queries

import "github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"

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
