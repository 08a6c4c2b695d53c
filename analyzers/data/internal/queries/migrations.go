package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
	"github.com/oneway-lint/oneway/analyzers/family"
)

// migContext says whether a call belongs to the code that versions the
// schema.
type migContext uint8

const (
	notMigration migContext = iota
	// migrationMachinery: a function named for migrations or the schema
	// version (runMigrations, setSchemaVersion), which reads and writes
	// the version bookkeeping but is not itself a versioned step.
	migrationMachinery
	// migrationStep: a versioned migration: code of a migrations package,
	// a function registered as a migration (goose.AddMigration(up, down),
	// gormigrate.Migration{Migrate: …}, newFuncMigration("1", "2", func…)).
	migrationStep
	// migrationRollback: a versioned step that undoes another: the second
	// function of goose.AddMigration(up, down), gormigrate's Rollback, a
	// function of a migrations package named down or rollback.
	migrationRollback
)

// rollbackName reports whether a migration function or field named so
// undoes a step: down, downUsers, Rollback, revert.
func rollbackName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "down") || strings.HasSuffix(n, "down") || strings.Contains(n, "rollback") || strings.Contains(n, "revert")
}

// rollbackPosition reports whether the function value at cur, registered
// as a migration, is registered as the step that undoes one: under a key
// named so (Rollback: func…), or after another function in the
// registering call (AddMigration(up, down)).
func rollbackPosition(info *types.Info, cur inspector.Cursor) bool {
	if id := identOf(cur.Node().(ast.Expr)); id != nil && rollbackName(id.Name) {
		return true
	}
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.KeyValueExpr:
		id, ok := p.Key.(*ast.Ident)
		return ok && rollbackName(id.Name)
	case *ast.CallExpr:
		for _, arg := range p.Args {
			if arg == cur.Node() {
				return false
			}
			if t := info.TypeOf(arg); t != nil {
				if _, ok := t.Underlying().(*types.Signature); ok {
					return true
				}
			}
		}
	}
	return false
}

// migrationPackage reports whether a package holds migrations
// (family.MigrationPackage).
func migrationPackage(pkg *types.Package) bool {
	return family.MigrationPackage(pkg.Path(), pkg.Name())
}

// toolingPackage reports whether a package is a developer's tool kept
// beside the service (under hack/ or scripts/, by the convention of
// large Go code bases): when it changes the schema it is a one-off
// migration, not a component using the tables.
func toolingPackage(pkg *types.Package) bool {
	for _, seg := range strings.Split(pkg.Path(), "/") {
		if seg == "hack" || seg == "scripts" {
			return true
		}
	}
	return false
}

// changesSchema reports whether the package changes the schema (see
// schemaWork), once.
func (a *finder) changesSchema() bool {
	if a.schema == nil {
		b := schemaWork(a.pass, a.in)
		a.schema = &b
	}
	return *a.schema
}

// schemaWork reports whether a package changes the schema: it imports a
// migration library (goose, golang-migrate, gormigrate, xormigrate), holds
// DDL text, or calls an ORM schema operation. A package named migration
// without any (an importer of another service's data) is application code,
// and so are its functions named for migrations (StartMigration).
func schemaWork(pass *analysis.Pass, in *inspector.Inspector) bool {
	for _, imp := range pass.Pkg.Imports() {
		if p := strings.ToLower(imp.Path()); strings.Contains(p, "migrat") || strings.Contains(p, "goose") {
			return true
		}
	}
	for cur := range in.Root().Preorder((*ast.BasicLit)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				continue
			}
			u := strings.ToUpper(n.Value)
			for _, ddl := range []string{"CREATE TABLE", "ALTER TABLE", "DROP TABLE", "CREATE INDEX", "RENAME TABLE"} {
				if strings.Contains(u, ddl) {
					return true
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "Sync", "Sync2", "AutoMigrate", "Migrator", "CreateTable", "CreateTables", "DropTable", "DropTables", "NewCreateTable", "NewDropTable", "NewAddColumn":
					return true
				}
			}
		}
	}
	return false
}

// migrationName reports whether an identifier names migrations:
// AddMigration, newFuncMigration, gormigrate.Migration.
func migrationName(name string) bool {
	return strings.Contains(strings.ToLower(name), "migration")
}

// machineryName reports whether a function's name says it runs or
// records migrations: runMigrations, getLastMigrationVersion,
// SetDatabaseSchemaVersion.
func machineryName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "migration") || strings.Contains(n, "schemaversion")
}

// migrationType reports whether t, or the element type of a pointer,
// slice, array or map t, is a named type whose name mentions migrations.
func migrationType(t types.Type) bool {
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Named:
			return migrationName(u.Obj().Name())
		default:
			return false
		}
	}
	return false
}

// registration tells whether a function value at cur (a function literal
// or a reference to a declared function) is registered as a migration: an
// argument of a call whose callee mentions migrations, or a value in a
// composite literal of a migration type.
func registration(info *types.Info, cur inspector.Cursor) bool {
	parent := cur.Parent()
	if kv, ok := parent.Node().(*ast.KeyValueExpr); ok && kv.Value == cur.Node() {
		cur, parent = parent, parent.Parent()
	}
	switch p := parent.Node().(type) {
	case *ast.CallExpr:
		if ast.Unparen(p.Fun) == cur.Node() {
			return false // called, not registered
		}
		fn, _ := typeutil.Callee(info, p).(*types.Func)
		return fn != nil && migrationName(fn.Name())
	case *ast.CompositeLit:
		return migrationRegistry(info, parent)
	}
	return false
}

// migrationRegistry reports whether the composite literal at cur, or a
// literal it is part of, lists migrations: its type is named for them
// (gormigrate.Migration, []migration{…}), or it is bound to a name that
// is (var migrations = [...]func(*sql.Tx) error{…}, Migrations: […],
// the result of func migrations(), an argument of AddMigrations).
func migrationRegistry(info *types.Info, cur inspector.Cursor) bool {
	for {
		lit, ok := cur.Node().(*ast.CompositeLit)
		if !ok {
			return false
		}
		if migrationType(info.TypeOf(lit)) {
			return true
		}
		parent := cur.Parent()
		if kv, ok := parent.Node().(*ast.KeyValueExpr); ok && kv.Value == lit {
			if id, ok := kv.Key.(*ast.Ident); ok && registryName(id.Name) {
				return true // Migrations: []func(…){…}
			}
			cur, parent = parent, parent.Parent()
		}
		switch p := parent.Node().(type) {
		case *ast.CompositeLit:
			cur = parent
			continue
		case *ast.UnaryExpr: // &Migration{…}
			if p.Op == token.AND {
				cur = parent
				if _, ok := parent.Parent().Node().(*ast.CompositeLit); ok {
					cur = parent.Parent()
					continue
				}
			}
			return false
		case *ast.ValueSpec:
			return slices.ContainsFunc(p.Names, func(n *ast.Ident) bool { return registryName(n.Name) })
		case *ast.AssignStmt:
			for i, rhs := range p.Rhs {
				if rhs == cur.Node() && i < len(p.Lhs) {
					if id := identOf(p.Lhs[i]); id != nil && registryName(id.Name) {
						return true
					}
				}
			}
		case *ast.ReturnStmt:
			for enc := range parent.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				if d, ok := enc.Node().(*ast.FuncDecl); ok {
					return registryName(d.Name.Name)
				}
				return false
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, p).(*types.Func)
			return fn != nil && ast.Unparen(p.Fun) != cur.Node() && migrationName(fn.Name())
		}
		return false
	}
}

// registryName reports whether a variable, field or function named so
// holds migrations: migrations, dbMigrations, Migrations, migrateSteps.
func registryName(name string) bool {
	return strings.Contains(strings.ToLower(name), "migrat")
}

// registeredMigrations returns the package's declared functions that are
// registered as migrations, and whether each is a step or a rollback:
// goose.AddMigration(upUsers, downUsers).
func registeredMigrations(info *types.Info, in *inspector.Inspector) map[*types.Func]migContext {
	out := map[*types.Func]migContext{}
	for cur := range in.Root().Preorder((*ast.Ident)(nil), (*ast.SelectorExpr)(nil)) {
		var id *ast.Ident
		switch n := cur.Node().(type) {
		case *ast.Ident:
			id = n
		case *ast.SelectorExpr:
			id = n.Sel
		}
		fn, ok := info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		if _, isSel := cur.Parent().Node().(*ast.SelectorExpr); isSel {
			if _, self := cur.Node().(*ast.Ident); self {
				continue // the Sel of a selector: judged with the selector
			}
		}
		if registration(info, cur) && out[fn] != migrationRollback {
			out[fn] = migrationStep
			if rollbackPosition(info, cur) {
				out[fn] = migrationRollback
			}
		}
	}
	return out
}

// migrationContext says whether the call at cur is part of a migration:
// in a migrations package, in a function literal or declared function
// registered as a migration, or in a function named for migrations.
func (a *finder) migrationContext(cur inspector.Cursor) migContext {
	for enc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := enc.Node().(type) {
		case *ast.FuncLit:
			if registration(a.pass.TypesInfo, enc) {
				if rollbackPosition(a.pass.TypesInfo, enc) {
					return migrationRollback
				}
				return migrationStep
			}
		case *ast.FuncDecl:
			fn, _ := a.pass.TypesInfo.Defs[n.Name].(*types.Func)
			if k := a.registered[fn]; fn != nil && k != notMigration {
				return k
			}
			if a.migPkg {
				if rollbackName(n.Name.Name) {
					return migrationRollback
				}
				return migrationStep
			}
			if machineryName(n.Name.Name) && a.changesSchema() {
				return migrationMachinery
			}
			return notMigration
		}
	}
	if a.migPkg {
		return migrationStep
	}
	return notMigration
}

// registrySites finds the SQL held as data by migration lists
// (var migrations = []migration{{stmts: []string{"CREATE TABLE …"}}}):
// statements the list's runner executes, one site per constant string,
// all of them migration steps. A statement that a query site of the
// package already resolved to is not listed twice.
func (a *finder) registrySites(in *inspector.Inspector, sites []Site) []Site {
	var out []Site
	registry := map[ast.Node]bool{}
	for cur := range in.Root().Preorder((*ast.CompositeLit)(nil)) {
		for _, el := range cur.Node().(*ast.CompositeLit).Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && proseField(id.Name) {
					continue // Description: "Update description definition …"
				}
				el = kv.Value
			}
			tv, ok := a.pass.TypesInfo.Types[el]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
				continue
			}
			is, seen := registry[cur.Node()]
			if !seen {
				is = migrationRegistry(a.pass.TypesInfo, cur)
				registry[cur.Node()] = is
			}
			if !is {
				continue
			}
			sql := constant.StringVal(tv.Value)
			sts := sqlscan.Scan(sql)
			if !statements(sts, sql) || resolvedBy(sites, sql) {
				continue
			}
			out = append(out, Site{Pos: el.Pos(), API: "migration", SQL: sql, Constant: true,
				Statements: sts, Tables: tablesOf(sts), Migration: true})
		}
	}
	return out
}

// proseField reports whether a field of a migration holds words for
// people rather than SQL: its name, description, comment.
func proseField(name string) bool {
	switch strings.ToLower(name) {
	case "id", "name", "description", "desc", "comment", "title", "version", "summary", "note", "notes":
		return true
	}
	return false
}

// statements reports whether a string held as data is SQL that uses
// tables: every statement has the clause its verb needs (UPDATE … SET,
// DELETE … FROM, INSERT … INTO, a SELECT … FROM, the object of a DDL
// verb), so that prose ("Delete stored notifications") is not a query.
func statements(sts []sqlscan.Statement, sql string) bool {
	if len(tablesOf(sts)) == 0 {
		return false
	}
	words := strings.Fields(strings.ToUpper(sql))
	has := func(w string) bool { return slices.Contains(words, w) }
	for _, st := range sts {
		ok := true
		switch st.Kind {
		case sqlscan.Update:
			ok = has("SET")
		case sqlscan.Delete, sqlscan.Select:
			ok = has("FROM")
		case sqlscan.Insert:
			ok = has("INTO") || has("VALUES")
		case sqlscan.Create, sqlscan.Alter, sqlscan.Drop:
			ok = has("TABLE") || has("INDEX") || has("VIEW")
		case sqlscan.Fragment, sqlscan.Other:
			ok = false
		}
		if !ok {
			return false
		}
	}
	return true
}

// resolvedBy reports whether a site's SQL holds the text sql.
func resolvedBy(sites []Site, sql string) bool {
	for _, s := range sites {
		if s.SQL != "" && strings.Contains(s.SQL, sql) {
			return true
		}
	}
	return false
}
