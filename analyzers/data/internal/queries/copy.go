package queries

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// copySites finds pgx's CopyFrom(ctx, pgx.Identifier{"schema", "table"},
// columns, rows), in v4 and v5, on a Conn, a Pool, a Tx or an interface
// of the analysed code with the method (sqlc's DBTX): COPY … FROM STDIN,
// a write to the table the identifier names. An identifier that cannot
// be resolved leaves a site without a table.
func (a *finder) copySites() []Site {
	var sites []Site
	for _, c := range a.calls {
		if c.callee.Name() != "CopyFrom" {
			continue
		}
		i := identifierParam(c.callee)
		if i < 0 || i >= len(c.expr.Args) {
			continue
		}
		site := Site{
			Pos:       c.expr.Pos(),
			API:       qualified(c.callee, recvName(c.callee)),
			Migration: c.mig != notMigration,
			Rollback:  c.mig == migrationRollback,
		}
		if parts, ok := a.identifier(c.expr.Args[i], 0); ok {
			site.Constant = true
			if name := strings.Join(parts, "."); !sqlscan.Catalogue(name) {
				site.Tables = []sqlscan.Table{{Name: name, Access: sqlscan.Write}}
			}
		}
		sites = append(sites, site)
	}
	return sites
}

// identifierParam returns the index of fn's parameter of type
// pgx.Identifier, or -1.
func identifierParam(fn *types.Func) int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		n, ok := types.Unalias(sig.Params().At(i).Type()).(*types.Named)
		if ok && n.Obj().Name() == "Identifier" && n.Obj().Pkg() != nil && library(n.Obj().Pkg().Path()) == "github.com/jackc/pgx" {
			return i
		}
	}
	return -1
}

// identifier returns the parts of a pgx.Identifier: a composite literal of
// constant strings (pgx.Identifier{"billing", "invoices"}, or the
// []string{"authors"} sqlc passes), a conversion of one, or a variable
// assigned one once whose parts nothing assigns. pgx quotes each part, so
// their case is kept.
func (a *finder) identifier(e ast.Expr, depth int) ([]string, bool) {
	if depth > 20 {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		elems, ok := a.res.elements(e, nil, depth+1)
		if !ok || len(elems) == 0 {
			return nil, false
		}
		parts := make([]string, len(elems))
		for i := range parts {
			p, ok := elems[int64(i)]
			if !ok || p == "" {
				return nil, false
			}
			parts[i] = p
		}
		return parts, true
	case *ast.CallExpr: // pgx.Identifier(parts)
		if tv, ok := a.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return a.identifier(e.Args[0], depth+1)
		}
	case *ast.Ident:
		v, ok := a.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok || a.res.written[v] {
			return nil, false
		}
		if as := a.res.assigns[v]; len(as) == 1 && as[0].rhs != nil && !as[0].add {
			return a.identifier(as[0].rhs, depth+1)
		}
	}
	return nil, false
}
