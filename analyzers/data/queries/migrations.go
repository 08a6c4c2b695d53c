package queries

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
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
)

// migrationPackage reports whether a package holds migrations, by its
// name or the last element of its path.
func migrationPackage(pkg *types.Package) bool {
	last := pkg.Path()[strings.LastIndexByte(pkg.Path(), '/')+1:]
	for _, n := range []string{pkg.Name(), last} {
		n = strings.Map(dropSeparator, strings.ToLower(n))
		switch n {
		case "migration", "migrations", "migrate", "migrator", "migrators", "dbmigrate", "dbmigration", "dbmigrations", "schemamigrations":
			return true
		}
	}
	return false
}

// dropSeparator drops the characters package names and paths separate
// words with (for strings.Map; a strings.Replacer built per package was
// a measured hot spot).
func dropSeparator(r rune) rune {
	if r == '-' || r == '_' || r == '.' {
		return -1
	}
	return r
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
		return migrationType(info.TypeOf(p))
	}
	return false
}

// registeredMigrations returns the package's declared functions that are
// registered as migrations: goose.AddMigration(upUsers, downUsers).
func registeredMigrations(info *types.Info, in *inspector.Inspector) map[*types.Func]bool {
	out := map[*types.Func]bool{}
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
		if registration(info, cur) {
			out[fn] = true
		}
	}
	return out
}

// migrationContext says whether the call at cur is part of a migration:
// in a migrations package, in a function literal or declared function
// registered as a migration, or in a function named for migrations.
func (a *finder) migrationContext(cur inspector.Cursor) migContext {
	if a.migPkg {
		return migrationStep
	}
	for enc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := enc.Node().(type) {
		case *ast.FuncLit:
			if registration(a.pass.TypesInfo, enc) {
				return migrationStep
			}
		case *ast.FuncDecl:
			fn, _ := a.pass.TypesInfo.Defs[n.Name].(*types.Func)
			if fn != nil && a.registered[fn] {
				return migrationStep
			}
			if machineryName(n.Name.Name) {
				return migrationMachinery
			}
			return notMigration
		}
	}
	return notMigration
}
