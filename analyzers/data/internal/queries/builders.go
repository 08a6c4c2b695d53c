package queries

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

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
