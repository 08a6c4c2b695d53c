package queries

import (
	"go/types"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// WrapperFact marks a function or method of the analysed code that passes
// one of its string parameters on as SQL text, directly or through other
// wrappers, so that every caller's argument is a query.
type WrapperFact struct {
	Param int    // index of the SQL parameter, not counting the receiver
	API   string // the library call it ends in, e.g. "database/sql.DB.QueryContext"
	// Strict is set when the wrapper ends in an interface method (Get,
	// Exec …) that only counts as a query when its text is SQL.
	Strict bool
	// Template is the query the wrapper builds, with its parameters
	// marked where they go, when a parameter is only a part of it
	// ("DELETE FROM \"" + table + "\""); empty when the parameter at
	// Param is the whole query.
	Template string
	// Migration is set when the template is built by migration code
	// (recordMigrationVersion(v)): its callers' sites are migration
	// machinery too, whatever their own functions are named.
	Migration uint8
}

// AFact implements analysis.Fact.
func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string {
	if f.Template == "" {
		return "sql wrapper of " + f.API
	}
	return "sql wrapper of " + f.API + ": " + shown(f.Template)
}

// shown is a template for people: parameters as {i}, holes as {?}.
func shown(template string) string {
	r := strings.NewReplacer(markOpen, "{", markClose, "}", sqlscan.Hole, "{?}")
	return r.Replace(template)
}

// sink says which argument of a call is SQL text.
type sink struct {
	arg    int    // index into the call's arguments
	api    string // the library call it ends in: "database/sql.DB.QueryContext"
	strict bool   // only SQL-looking text counts (calls through interfaces)
	// template is the query with the arguments marked where they go, or
	// "" when the argument at arg is the whole query.
	template string
	mig      migContext // the migration context the template is built in
}

// libraries are the import paths of the database libraries whose calls
// take SQL text; versions and sub-packages share their parent's entry.
func libraries() []string {
	return []string{"database/sql", "github.com/gocql/gocql", "github.com/jackc/pgx", "github.com/jmoiron/sqlx", "github.com/uptrace/bun", "gorm.io/gorm", gormV1, "xorm.io/xorm"}
}

// sqlMethods returns the methods of a library whose first string
// parameter is SQL text.
func sqlMethods(lib string) []string {
	switch lib {
	case "database/sql":
		return []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext", "Prepare", "PrepareContext"}
	case "github.com/jmoiron/sqlx":
		return []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext",
			"Prepare", "PrepareContext", "Get", "GetContext", "Select", "SelectContext", "Queryx", "QueryxContext",
			"QueryRowx", "QueryRowxContext", "NamedExec", "NamedExecContext", "NamedQuery", "NamedQueryContext",
			"MustExec", "MustExecContext", "Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext"}
	case "github.com/jackc/pgx":
		return []string{"Query", "QueryRow", "Exec", "QueryFunc", "Queue", "Prepare"}
	case "gorm.io/gorm", gormV1:
		return []string{"Raw", "Exec"}
	case "github.com/gocql/gocql":
		return []string{"Query"}
	case "github.com/uptrace/bun":
		return []string{"NewRaw", "ExecContext", "QueryContext", "QueryRowContext"}
	case "xorm.io/xorm":
		return []string{"Exec", "SQL", "Query", "QueryString", "QueryInterface", "QuerySliceString"}
	}
	return nil
}

// interfaceMethods returns the method names that make a call through an
// interface of the analysed code (sqlc's DBTX, a repository's Querier) a
// query, when the method takes a string.
func interfaceMethods() []string {
	return []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext",
		"Prepare", "PrepareContext", "Get", "GetContext", "Select", "SelectContext", "Queryx", "QueryxContext",
		"QueryRowx", "QueryRowxContext", "NamedExec", "NamedExecContext", "MustExec", "MustExecContext"}
}

// library returns the key of sqlMethods for an import path.
func library(path string) string {
	for _, lib := range libraries() {
		if path == lib || strings.HasPrefix(path, lib+"/") {
			return lib
		}
	}
	return ""
}

// libraryCode reports whether path is a database library's or an ORM's
// own package, which run passes over: the libraries themselves are not
// the application.
func libraryCode(path string) bool { return library(path) != "" || orm(path) != "" }

// librarySink returns the SQL argument of a call to fn, a function of a
// known database library or a method of an interface.
func librarySink(fn *types.Func) (sink, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || fn.Pkg() == nil {
		return sink{}, false
	}
	recv := ""
	if r := sig.Recv(); r != nil {
		recv = typeName(r.Type())
		if _, isIface := r.Type().Underlying().(*types.Interface); isIface && library(fn.Pkg().Path()) == "" {
			if !slices.Contains(interfaceMethods(), fn.Name()) {
				return sink{}, false
			}
			if i := firstString(sig); i >= 0 {
				return sink{arg: i, api: qualified(fn, recv), strict: true}, true
			}
			return sink{}, false
		}
	}
	lib := library(fn.Pkg().Path())
	if lib == "" || !slices.Contains(sqlMethods(lib), fn.Name()) {
		return sink{}, false
	}
	api := qualified(fn, recv)
	switch {
	case lib == "xorm.io/xorm":
		if sig.Params().Len() == 0 {
			return sink{}, false
		}
		return sink{arg: 0, api: api}, true
	case lib == "github.com/jackc/pgx" && fn.Name() == "Prepare":
		if i := lastString(sig); i >= 0 {
			return sink{arg: i, api: api}, true
		}
		return sink{}, false
	case isGORM(lib) && recv != "DB":
		return sink{}, false
	}
	if i := firstString(sig); i >= 0 {
		return sink{arg: i, api: api}, true
	}
	return sink{}, false
}

// storeOf names the kind of datastore an API talks to, from its import
// path: "cql" for Cassandra and ScyllaDB (gocql, a package named for
// them), "" for SQL databases.
func storeOf(api string) string {
	p := strings.ToLower(api)
	if strings.Contains(p, "gocql") || strings.Contains(p, "cassandra") || strings.Contains(p, "scylla") {
		return "cql"
	}
	return ""
}

func qualified(fn *types.Func, recv string) string {
	if recv != "" {
		return fn.Pkg().Path() + "." + recv + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// typeName returns the name of a (pointer to a) named type, or "".
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

func firstString(sig *types.Signature) int {
	for i := 0; i < sig.Params().Len(); i++ {
		if isString(sig.Params().At(i).Type()) {
			return i
		}
	}
	return -1
}

func lastString(sig *types.Signature) int {
	for i := sig.Params().Len() - 1; i >= 0; i-- {
		if isString(sig.Params().At(i).Type()) {
			return i
		}
	}
	return -1
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
