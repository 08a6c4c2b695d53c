package queries_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

// render prints the sites of a result one per line:
// line api access:table… [const] [migrate] [name=const]
func render(t *testing.T, r *analysistest.Result) []string {
	res, ok := r.Result.(*queries.Result)
	if !ok {
		t.Fatalf("%s: result is %T", r.Pass.Pkg.Path(), r.Result)
	}
	var out []string
	for _, s := range res.Sites {
		var b strings.Builder
		pos := r.Pass.Fset.Position(s.Pos)
		fmt.Fprintf(&b, "%s:%d %s", filepath.Base(pos.Filename), pos.Line, s.API)
		for _, tb := range s.Tables {
			fmt.Fprintf(&b, " %s:%s", tb.Access, tb.Name)
		}
		if s.Constant {
			b.WriteString(" const")
		}
		if s.Migrate {
			b.WriteString(" migrate")
		}
		if s.Delegated != "" {
			b.WriteString(" delegated")
		}
		if s.Rollback {
			b.WriteString(" rollback")
		} else if s.Migration {
			b.WriteString(" migration")
		}
		if s.Const != "" {
			b.WriteString(" name=" + s.Const)
		}
		out = append(out, b.String())
	}
	return out
}

func renderModels(r *analysistest.Result) []string {
	var out []string
	for _, m := range r.Result.(*queries.Result).Models {
		var cols []string
		for _, c := range m.Columns {
			col := c.Name
			if c.DBType != "" {
				col += ":" + c.DBType
			}
			if c.Serialized {
				col += ":serialized"
			}
			switch c.Shape {
			case queries.Untyped:
				col += ":untyped"
			case queries.Bytes:
				col += ":bytes"
			}
			cols = append(cols, col)
		}
		out = append(out, fmt.Sprintf("%s %s %s %s", m.ORM, m.Type, m.Table, strings.Join(cols, ",")))
	}
	return out
}

func TestSites(t *testing.T) {
	cases := []struct {
		name, reason string
		pkg          string
		sites        []string
		models       []string
	}{
		{
			name: "database/sql repository",
			reason: "wrappers, constants, concatenation, Sprintf, single and += assignments; the wrappers' own calls are not sites; " +
				"a helper that formats its parameter into a query is a template its callers fill in (a constant table is found, a variable one is none); " +
				"a variable given a constant text in each branch is each of them, one reused for one query after another is the last before each call; a function returning a text built from its parameters is filled in at the call",
			pkg: "repo/store",
			sites: []string{
				"store.go:39 repo/store.Repo.query read:orders const",
				"store.go:47 repo/store.Repo.query read:orders const",
				"store.go:56 repo/store.Repo.query read:orders",
				"store.go:64 database/sql.DB.QueryContext read:orders const",
				"store.go:73 repo/store.Repo.execTwice write:order_items const",
				"store.go:81 database/sql.Tx.PrepareContext write:orders const",
				"store.go:88 database/sql.Tx.ExecContext write:audit_log const",
				"store.go:97 database/sql.DB.QueryContext read:admin_orders read:orders",
				"store.go:105 repo/store.Repo.ByTable read:archived_orders const",
				"store.go:117 repo/store.Repo.deleteAll",
				"store.go:121 repo/store.Repo.deleteAll write:sessions const",
				"store.go:132 database/sql.DB.ExecContext ddl:goose_db_version const",
				"store.go:140 database/sql.DB.ExecContext write:orders const",
				"store.go:144 database/sql.DB.ExecContext write:carts const",
			},
		},
		{
			name:   "wrapper in another package",
			reason: "the WrapperFact of store.Repo.Exec makes the callers' strings queries",
			pkg:    "repo/api",
			sites: []string{
				"api.go:11 repo/store.Repo.Exec write:sessions const",
				"api.go:15 repo/store.Repo.Exec write:users const",
			},
		},
		{
			name:   "sqlx",
			reason: "sqlx methods and functions; In and Rebind keep the query",
			pkg:    "sqlxrepo",
			sites: []string{
				"sqlxrepo.go:19 github.com/jmoiron/sqlx.DB.GetContext read:users const",
				"sqlxrepo.go:30 github.com/jmoiron/sqlx.DB.Select read:users const",
				"sqlxrepo.go:35 github.com/jmoiron/sqlx.DB.NamedExec write:users const",
				"sqlxrepo.go:40 github.com/jmoiron/sqlx.DB.MustExec write:users const",
				"sqlxrepo.go:41 database/sql.DB.Exec const",
				"sqlxrepo.go:45 github.com/jmoiron/sqlx.Get read:users const",
			},
		},
		{
			name:   "pgx",
			reason: "pool, transaction interface, batch and Prepare's third argument",
			pkg:    "pgxrepo",
			sites: []string{
				"pgxrepo.go:18 github.com/jackc/pgx/v5/pgxpool.Pool.QueryRow read:events const",
				"pgxrepo.go:26 github.com/jackc/pgx/v5.Tx.Exec write:archive read:events const",
				"pgxrepo.go:34 github.com/jackc/pgx/v5.Batch.Queue write:counters const",
				"pgxrepo.go:35 github.com/jackc/pgx/v5.Conn.Prepare read:events const",
			},
		},
		{
			name:   "gorm",
			reason: "finishers name the table from Table, Model or the destination, joined tables from Joins clauses (not association names); TableName facts cross packages; AutoMigrate is schema in code",
			pkg:    "gormrepo",
			sites: []string{
				"gormrepo.go:28 gorm.io/gorm.DB.Find read:user_profiles const",
				"gormrepo.go:34 gorm.io/gorm.DB.Find read:teams read:user_profiles const",
				"gormrepo.go:39 gorm.io/gorm.DB.Update write:user_profiles const",
				"gormrepo.go:45 gorm.io/gorm.DB.Find read:line_items const",
				"gormrepo.go:46 gorm.io/gorm.DB.Find read:billing_invoices const",
				"gormrepo.go:51 gorm.io/gorm.DB.Count read:legacy_stats const",
				"gormrepo.go:52 gorm.io/gorm.DB.Raw read:categories const",
				"gormrepo.go:56 gorm.io/gorm.DB.AutoMigrate ddl:billing_invoices ddl:categories ddl:user_profiles const migrate",
				"gormrepo.go:60 gorm.io/gorm.Migrator.DropTable ddl:categories const migrate",
			},
			models: []string{
				"gorm gormrepo.UserProfile user_profiles id,full_name,settings:jsonb:untyped",
				"gorm gormrepo.Category categories id,name",
			},
		},
		{
			name:   "gorm 1",
			reason: "GORM 1 (github.com/jinzhu/gorm), on which older code bases still run, reads as gorm.io/gorm: the same finishers and models; its migrations are on the DB (DropTableIfExists); AddIndex names an index, not a table",
			pkg:    "gormv1repo",
			sites: []string{
				"gormv1repo.go:23 github.com/jinzhu/gorm.DB.Find read:applications const",
				"gormv1repo.go:28 github.com/jinzhu/gorm.DB.Create write:messages const",
				"gormv1repo.go:32 github.com/jinzhu/gorm.DB.Update write:applications const",
				"gormv1repo.go:37 github.com/jinzhu/gorm.DB.Count read:legacy_stats const",
				"gormv1repo.go:38 github.com/jinzhu/gorm.DB.Raw read:messages const",
				"gormv1repo.go:42 github.com/jinzhu/gorm.DB.AddIndex ddl:applications const migrate",
				"gormv1repo.go:43 github.com/jinzhu/gorm.DB.DropColumn ddl:applications const migrate", // its string is a column: the table is the chain's model's
				"gormv1repo.go:44 github.com/jinzhu/gorm.DB.ModifyColumn ddl:legacy_stats const migrate",
				"gormv1repo.go:45 github.com/jinzhu/gorm.DB.DropColumn ddl:legacy_apps const migrate", // Table wins over Model, in either order
				"gormv1repo.go:46 github.com/jinzhu/gorm.DB.DropTableIfExists ddl:messages const migrate",
				"gormv1repo.go:47 github.com/jinzhu/gorm.DB.AutoMigrate ddl:applications ddl:messages const migrate",
			},
			models: []string{
				"gorm gormv1repo.Application applications id,created_at,updated_at,deleted_at,token:varchar(180),name",
			},
		},
		{
			name:   "bun",
			reason: "queries started with New*; the table tag names the table; CreateTable is schema in code",
			pkg:    "bunrepo",
			sites: []string{
				"bunrepo.go:24 github.com/uptrace/bun.SelectQuery.Scan read:stories const",
				"bunrepo.go:28 github.com/uptrace/bun.InsertQuery.Exec write:tags const",
				"bunrepo.go:33 github.com/uptrace/bun.CreateTableQuery.Exec ddl:tags const migrate",
				"bunrepo.go:38 github.com/uptrace/bun.DB.NewRaw read:stories const",
			},
			models: []string{
				"bun bunrepo.Story stories id,title,meta:jsonb",
				"bun bunrepo.Tag tags id,name",
			},
		},
		{
			name:   "xorm",
			reason: "xorm names tables in snake case without plural; Sync is schema in code",
			pkg:    "xormrepo",
			sites: []string{
				"xormrepo.go:13 xorm.io/xorm.Engine.Find read:account_event const",
				"xormrepo.go:16 xorm.io/xorm.Session.Find read:account_archive const",
				"xormrepo.go:19 xorm.io/xorm.Engine.Exec write:account_event const",
				"xormrepo.go:22 xorm.io/xorm.Engine.Sync ddl:account_event const migrate",
			},
			models: []string{
				"xorm xormrepo.AccountEvent account_event id,payload:json:serialized",
			},
		},
		{
			name: "builders",
			reason: "squirrel, goqu and go-sqlbuilder table arguments, goqu.T identifiers, joined tables; a join option or a struct value is no table; " +
				"a CTE that a Prefix defines is no table, its tables are read",
			pkg: "builders",
			sites: []string{
				"builders.go:13 github.com/Masterminds/squirrel.SelectBuilder.Join read:teams const",
				"builders.go:13 github.com/Masterminds/squirrel.SelectBuilder.From read:users const",
				"builders.go:14 github.com/Masterminds/squirrel.Insert write:audit const",
				"builders.go:15 github.com/Masterminds/squirrel.Update write:users const",
				"builders.go:16 github.com/Masterminds/squirrel.Delete write:sessions const",
				"builders.go:17 github.com/Masterminds/squirrel.SelectBuilder.Join",
				"builders.go:17 github.com/Masterminds/squirrel.SelectBuilder.From read:spaces const",
				"builders.go:23 github.com/doug-martin/goqu/v9.From read:products const",
				"builders.go:24 github.com/doug-martin/goqu/v9.Database.From read:inventory const",
				"builders.go:25 github.com/doug-martin/goqu/v9.Insert write:stock_moves const",
				"builders.go:33 github.com/huandu/go-sqlbuilder.SelectBuilder.From read:bookmark const",
				"builders.go:34 github.com/huandu/go-sqlbuilder.SelectBuilder.JoinWithOption read:bookmark_tag const",
				"builders.go:35 github.com/huandu/go-sqlbuilder.SelectBuilder.Join read:tag const",
				"builders.go:37 github.com/huandu/go-sqlbuilder.InsertBuilder.InsertInto write:bookmark_tag const",
				"builders.go:38 github.com/huandu/go-sqlbuilder.UpdateBuilder.Update write:bookmark const",
				"builders.go:39 github.com/huandu/go-sqlbuilder.DeleteBuilder.DeleteFrom write:bookmark_tag const",
				"builders.go:40 github.com/huandu/go-sqlbuilder.Struct.InsertInto write:bookmark const",
			},
		},
		{
			name:   "sqlc",
			reason: "calls through the generated DBTX interface with query constants; a cache Get with a key is not a query",
			pkg:    "sqlcgen",
			sites: []string{
				"query.sql.go:23 sqlcgen.DBTX.QueryRowContext read:authors const delegated name=sqlcgen.getAuthor",
				"query.sql.go:33 sqlcgen.DBTX.ExecContext write:authors const delegated name=sqlcgen.deleteAuthor",
			},
		},
		{
			name:   "sqlc callers",
			reason: "a call of a generated method that runs queries is a site with its tables, in the caller's package",
			pkg:    "sqlcgen/app",
			sites: []string{
				"app.go:12 sqlcgen.Queries.GetAuthor read:authors const",
				"app.go:15 sqlcgen.Queries.DeleteAuthor write:authors const",
			},
		},
		{
			name: "ent",
			reason: "the finishers of ent's generated builders use their entity's table at the caller, Schema.Create issues the schema (in a versioned step, a migration); " +
				"an ent schema is a model whose field.JSON Go type says what the column holds",
			pkg: "entapp/accounts",
			sites: []string{
				"accounts.go:11 entapp/ent/migrate.Schema.Create ddl:accounts const migrate",
				"accounts.go:15 entapp/ent.UserQuery.All read:accounts const",
				"accounts.go:18 entapp/ent.UserClient.Get read:accounts const",
				"accounts.go:21 entapp/ent.UserCreate.Save write:accounts const",
				"accounts.go:30 entapp/ent/migrate.Schema.Create ddl:accounts const migrate migration",
			},
		},
		{
			name:   "ent schema",
			reason: "an ent schema is a model of its annotated table; field.JSON keeps its Go type",
			pkg:    "entapp/ent/schema",
			models: []string{
				"ent entapp/ent/schema.User accounts name,scopes:json:serialized,settings:json:serialized:untyped,avatar:bytes",
			},
		},
		{
			name:   "catalogue",
			reason: "information_schema, pg_catalog and pg_* tables, sqlite_* and mysql.* are the database's catalogue, no tables of the application; the sites stay",
			pkg:    "catalogue",
			sites: []string{
				"catalogue.go:14 database/sql.DB.QueryContext const",
				"catalogue.go:15 database/sql.DB.QueryContext read:orders const",
				"catalogue.go:16 database/sql.DB.QueryContext const",
				"catalogue.go:17 database/sql.DB.QueryContext const",
				"catalogue.go:18 database/sql.DB.QueryContext const",
				"catalogue.go:19 database/sql.DB.QueryContext read:app.pg_jobs const",
				"catalogue.go:24 gorm.io/gorm.DB.Count",
				"catalogue.go:25 gorm.io/gorm.DB.Count read:accounts const",
			},
		},
		{
			name: "statements held in slices",
			reason: "an element of a slice or array of constant strings that nothing changes is one of them (a constant index picks one): " +
				"index, range value, local slice; not when the elements may change, nor as a clause of a larger text",
			pkg: "steps",
			sites: []string{
				"steps.go:31 database/sql.DB.ExecContext ddl:customers ddl:orders",
				"steps.go:33 database/sql.DB.ExecContext write:currencies const",
				"steps.go:35 database/sql.DB.ExecContext write:currencies write:regions",
				"steps.go:37 database/sql.DB.ExecContext",
				"steps.go:38 database/sql.DB.QueryContext read:tickets",
				"steps.go:41 database/sql.DB.ExecContext write:audit_log write:login_attempts",
				"steps.go:45 database/sql.DB.ExecContext",
				"steps.go:48 database/sql.DB.ExecContext",
			},
		},
		{
			name: "migration lists",
			reason: "statements held as data in a list bound to a migrations name are migration sites (not the words beside them); " +
				"functions in such a list, registered under Migrate or first in AddMigration, are steps; Rollback and the second function undo them; " +
				"a helper called with the key and value of a range over a constant map runs once per entry; " +
				"a template built by migration machinery makes its callers' sites machinery too; a value formatted in leaves the site where the query is",
			pkg: "registry",
			sites: []string{
				"registry.go:15 migration write:keys read:users const migration",
				"registry.go:16 migration ddl:notes const migration",
				"registry.go:30 database/sql.Tx.Exec ddl:tags const migration",
				"registry.go:34 database/sql.Tx.Exec ddl:tags const rollback",
				"registry.go:46 database/sql.Tx.Exec ddl:labels const migration",
				"registry.go:51 database/sql.Tx.Exec ddl:labels const rollback",
				"registry.go:57 database/sql.Tx.Exec write:notes const migration",
				"registry.go:63 registry.renameTable ddl:label_task ddl:label_tasks ddl:list ddl:lists migration",
				"registry.go:79 database/sql.Tx.Exec write:notes const",
				"registry.go:87 database/sql.Tx.Exec write:settings migration",
				"registry.go:103 registry.setSchemaVersionIn write:app_meta const migration",
			},
		},
		{
			name:   "a package named migration that changes no schema",
			reason: "an importer of another service's data is named migration too: without DDL, schema operations or a migration library it is application code",
			pkg:    "importer/migration",
			sites: []string{
				"status.go:9 database/sql.DB.Exec write:migration_status const",
				"status.go:16 database/sql.DB.Exec write:migration_status const",
			},
		},
		{
			name: "xorm projections",
			reason: "a struct that extends a model maps to the model's table (the promoted TableName); a session held in a variable keeps the table its chain named; " +
				"the word of an xorm tag that is no keyword, no type and no default names the column",
			pkg: "xormextends",
			sites: []string{
				"xormextends.go:36 xorm.io/xorm.Session.Find read:labels const",
				"xormextends.go:42 xorm.io/xorm.Session.FindAndCount read:labels const",
			},
			models: []string{
				"xorm xormextends.Label labels id,title:varchar(250)",
				"xorm xormextends.APIToken api_token id,permissions:json:serialized,kind:varchar(10),expires_unix",
				"xorm xormextends.labelWithTaskID labels task_id",
			},
		},
		{
			name:   "pgx CopyFrom",
			reason: "CopyFrom writes the table its pgx.Identifier names, in pgx v5 and v4 and through sqlc's DBTX; another CopyFrom is no site",
			pkg:    "pgxcopy",
			sites: []string{
				"pgxcopy.go:27 github.com/jackc/pgx/v5/pgxpool.Pool.CopyFrom write:audit_log const",
				"pgxcopy.go:28 github.com/jackc/pgx/v5.Conn.CopyFrom write:billing.Invoices const",
				"pgxcopy.go:29 github.com/jackc/pgx/v5.Tx.CopyFrom write:archive.events const",
				"pgxcopy.go:30 pgxcopy.DBTX.CopyFrom write:authors const",
				"pgxcopy.go:31 github.com/jackc/pgx/v4.Conn.CopyFrom write:readings const",
				"pgxcopy.go:32 github.com/jackc/pgx/v5/pgxpool.Pool.CopyFrom",
			},
		},
		{
			name:   "gorm Preload",
			reason: "Preload reads the tables of the associations on its path (and a many2many join table); a name that is no association of the model reads nothing",
			pkg:    "gormpreload",
			sites: []string{
				"gormpreload.go:41 gorm.io/gorm.DB.Find read:companies read:contacts const",
				"gormpreload.go:42 gorm.io/gorm.DB.Find read:addresses read:companies read:contacts read:people const",
				"gormpreload.go:43 gorm.io/gorm.DB.First read:companies read:company_tags read:labels const",
				"gormpreload.go:44 gorm.io/gorm.DB.Find read:companies const",
				"gormpreload.go:45 gorm.io/gorm.DB.Find read:companies const",
				"gormpreload.go:46 gorm.io/gorm.DB.Find read:companies const",
				"gormpreload.go:47 gorm.io/gorm.DB.Find read:companies const",
				"gormpreload.go:48 gorm.io/gorm.DB.Create write:companies const",
				"gormpreload.go:50 gorm.io/gorm.DB.Count read:companies const",
			},
			models: []string{
				"gorm gormpreload.Company companies id,name",
				"gorm gormpreload.Tag labels id,name",
			},
		},
		{
			name:   "bun Join",
			reason: "the tables of a bun Join clause are read; a table passed as an argument is not known",
			pkg:    "bunjoin",
			sites: []string{
				"bunjoin.go:18 github.com/uptrace/bun.SelectQuery.Scan read:blog_posts read:comments const",
				"bunjoin.go:19 github.com/uptrace/bun.SelectQuery.Scan read:authors read:blog_posts read:post_tags const",
				"bunjoin.go:23 github.com/uptrace/bun.SelectQuery.Scan read:blog_posts const",
			},
			models: []string{
				"bun bunjoin.Post blog_posts id",
			},
		},
		{
			name:   "xorm SQL",
			reason: "SQL(q).Find(&rows) is one query, the SQL's; the model only names the table when there is no SQL",
			pkg:    "xormsql",
			sites: []string{
				"xormsql.go:16 xorm.io/xorm.Engine.SQL read:vendor_view const",
				"xormsql.go:17 xorm.io/xorm.Engine.Find read:inv_suppliers const",
				"xormsql.go:18 xorm.io/xorm.Session.Find read:inv_suppliers const",
			},
			models: []string{
				"xorm xormsql.Supplier inv_suppliers id,name:varchar(100)",
			},
		},
		{
			name:   "goqu aliases",
			reason: "goqu.T and goqu.I name their table when aliased with As; a literal names none",
			pkg:    "goqualias",
			sites: []string{
				"goqualias.go:8 github.com/doug-martin/goqu/v9.Database.From read:odometer_readings const",
				"goqualias.go:9 github.com/doug-martin/goqu/v9.SelectDataset.Join read:drivers const",
				"goqualias.go:9 github.com/doug-martin/goqu/v9.From read:trips const",
				"goqualias.go:10 github.com/doug-martin/goqu/v9.From read:fleet.vehicles const",
				"goqualias.go:11 github.com/doug-martin/goqu/v9.From",
			},
		},
	}
	// One run for every case: each run loads the fixtures' dependencies
	// (database/sql, the ORMs' stand-ins) from source again.
	pkgs := make([]string, 0, len(cases))
	for _, c := range cases {
		pkgs = append(pkgs, c.pkg)
	}
	byPkg := map[string]*analysistest.Result{}
	for _, r := range fixturetest.Run(t, analysistest.TestData(), queries.Analyzer, pkgs...) {
		byPkg[r.Pass.Pkg.Path()] = r
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := byPkg[c.pkg]
			if r == nil {
				t.Fatalf("no package %s was analysed: the case checks nothing", c.pkg)
			}
			if got := render(t, r); !equal(got, c.sites) {
				t.Errorf("%s\nsites of %s:\n got: %s\nwant: %s", c.reason, c.pkg, strings.Join(got, "\n      "), strings.Join(c.sites, "\n      "))
			}
			if got := renderModels(r); !equal(got, c.models) {
				t.Errorf("%s\nmodels of %s:\n got: %s\nwant: %s", c.reason, c.pkg, strings.Join(got, "\n      "), strings.Join(c.models, "\n      "))
			}
		})
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
