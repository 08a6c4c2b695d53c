package data

import (
	"flag"
	"fmt"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// The rule ids of the family.
const (
	RuleCatchAllColumn    = "data.catch-all-column"
	RuleSchemaInCode      = "data.schema-in-code"
	RuleSelectStar        = "data.select-star"
	RuleSharedTable       = "data.shared-table"
	RuleSingleTable       = "data.single-table"
	RuleUnboundedMutation = "data.unbounded-mutation"
	RuleWideTable         = "data.wide-table"
)

// Defaults of the rule options.
const (
	DefaultMaxColumns        = 25
	DefaultMaxQueryShare     = 50 // percent
	DefaultMaxComponentShare = 75 // percent
	DefaultMinSites          = 10
	DefaultMaxReaders        = 2
)

// Rules returns the rules of the family, sorted by id.
func Rules() []finding.Rule {
	return []finding.Rule{
		{
			ID:      RuleCatchAllColumn,
			Title:   "catch-all column",
			Summary: "a json, jsonb or hstore column, or json kept in a blob, used as a bag of fields",
			Doc: "Finds columns that hold a bag of fields: JSON, JSONB and hstore columns in DDL issued from code, " +
				"binary and text columns whose definition carries a comment saying they hold JSON " +
				"(\"scopes bytea, -- JSON array\"), and ORM model fields judged by their Go type: what is stored from " +
				"any, map[string]any, json.RawMessage or datatypes.JSON, and a []byte or string the ORM stores as JSON " +
				"(gorm:\"type:jsonb\", a serializer, bun type:jsonb, xorm json). Such a column lets every caller store " +
				"whatever fields it likes: the real schema moves into code scattered over the code base, and the stored " +
				"documents must be migrated one by one once anything reads them. Model the fields that matter as " +
				"columns, or give the bag one owner and a versioned schema. Reported once per column, at its first " +
				"declaration, however many migrations or SQL dialects declare it. Not reported: a field whose Go type " +
				"declares the stored value (a struct, []string, map[string][]string serialised as JSON), opaque binary " +
				"columns (icons, keys, caches: bytea or blob with no JSON comment, []byte fields), JSON used only in " +
				"queries (json_build_object), and columns in migration files that are not Go code.",
			Weight: 3,
		},
		{
			ID:      RuleSchemaInCode,
			Title:   "schema issued from application code",
			Summary: "schema ddl or orm auto-migration run by the application",
			Doc: "Finds CREATE, ALTER, DROP and RENAME statements passed to a database from Go code, and ORM " +
				"schema operations: gorm AutoMigrate and Migrator, bun NewCreateTable and friends, xorm Sync. " +
				"When the application changes the schema as it starts, the schema's history lives nowhere, " +
				"rollbacks cannot undo it, and several versions running at once fight over it. Keep the schema in " +
				"versioned migrations run by a separate step. Not reported: TRUNCATE (a data operation), statements " +
				"in .sql files, ent's Schema.Create and gorm's AutoMigrate inside versioned migrations, and versioned " +
				"migrations: code of a package named migrations (or migrate, migration, migrator, schema-migrations) " +
				"or of a developer's script under hack/ or scripts/, when it changes the schema; functions registered " +
				"as migrations in any shape (an argument of a call such as goose.AddMigration, a value in a composite " +
				"literal of a Migration type, an element of a list bound to a migrations name: var migrations = " +
				"[]func(*sql.Tx) error{…}); statements held as data in such a list; and, for SQL statements in a " +
				"package that changes the schema, functions named for running or recording migrations " +
				"(runMigrations, setSchemaVersion) and the callers of the statements they build.",
			Weight: 3,
		},
		{
			ID:      RuleSelectStar,
			Title:   "SELECT *",
			Summary: "select * couples code to every column of a table",
			Doc: "Finds SELECT * and SELECT t.* in the outermost select list of a query, naming the tables whose columns it " +
				"selects: every table of the outer FROM list for *, the one named or aliased t for t.*, through derived tables " +
				"and CTEs that select * themselves. The code then depends on " +
				"the number and order of all columns: adding or reordering one breaks scans, and dropping an " +
				"unused one is impossible to check. Name the columns the code reads. Not reported: count(*), " +
				"a * inside a sub-query such as EXISTS (SELECT * …), a * over derived tables and CTEs that name their " +
				"columns, queries built by ORMs, and migrations, " +
				"which run once against one version of the schema.",
			Weight: 2,
		},
		{
			ID:      RuleSharedTable,
			Title:   "table shared by several components",
			Summary: "a table written by several components or read directly by many",
			Doc: "Finds tables written by more than one component, or read directly by more than max-readers " +
				"components besides the one that owns it (the component with the most write sites). A shared " +
				"table is an integration contract nobody owns: its shape cannot change without touching every " +
				"component, and no component can move to its own store. Give each table one owner and let the " +
				"others go through that component's API. Sites of migrations define the schema and are not use. " +
				"Tables are told apart by datastore: a Cassandra table and a SQL table of one name are two tables. " +
				"Migration tools' bookkeeping tables (schema_migrations, goose_db_version, a schemaVersion table " +
				"each store keeps) are the tools', not shared. Decided by the whole-program audit only.",
			Weight: 4,
			Global: true,
			Options: []finding.Option{{
				Name: "max-readers", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMaxReaders),
				Doc: "components other than the owner that may read a table directly",
			}},
		},
		{
			ID:      RuleSingleTable,
			Title:   "god table",
			Summary: "one table carries most queries or is used by most components",
			Doc: "Finds a table that carries more than max-query-share percent of the application's query sites, " +
				"or is used by more than max-component-share percent of the components that query the database. " +
				"Such a god table makes every feature depend on one shape, so it can neither be split nor " +
				"changed without a coordinated migration. Split it by concern while it is small. Not reported " +
				"below min-sites query sites in total; sites of migrations are not counted; shares are of one datastore's " +
				"sites and components. Decided by the whole-program audit only.",
			Weight: 4,
			Global: true,
			Options: []finding.Option{
				{Name: "max-query-share", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMaxQueryShare),
					Doc: "percent of all query sites one table may carry"},
				{Name: "max-component-share", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMaxComponentShare),
					Doc: "percent of the components with queries that may use one table (with three components or more)"},
				{Name: "min-sites", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMinSites),
					Doc: "query sites in the program below which the rule stays silent"},
			},
		},
		{
			ID:      RuleUnboundedMutation,
			Title:   "UPDATE or DELETE without WHERE",
			Summary: "an update or delete without where changes every row",
			Doc: "Finds UPDATE and DELETE statements without a WHERE clause. Every row of the table changes at " +
				"once and there is no undo short of a restore. Add the condition, or make the intent explicit " +
				"with TRUNCATE or WHERE true. Not reported: statements where an unresolved part of the query " +
				"could hold the WHERE clause, sub-queries, ORM calls (gorm refuses them by default), and " +
				"migrations (a backfill runs once; see data.schema-in-code for what counts as a migration).",
			Weight: 3,
		},
		{
			ID:      RuleWideTable,
			Title:   "wide table",
			Summary: "a table with more columns than the policy allows",
			Doc: "Finds tables defined, in CREATE TABLE issued from code or as an ORM model (gorm, bun, xorm, ent), " +
				"with more than max-columns columns, counting the columns later ALTER TABLE statements add and drop " +
				"(the package's DDL replayed in file order, down migrations left out; a table dropped since is none). " +
				"A wide table usually mixes concerns; each one added makes it harder to split " +
				"and every query that reads it more likely to depend on all of it. Split it by concern. Not " +
				"reported: tables known only from queries.",
			Weight: 2,
			Options: []finding.Option{{
				Name: "max-columns", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMaxColumns),
				Doc: "columns a table may have",
			}},
		},
	}
}

// Config configures the per-package analyzer.
type Config struct {
	MaxColumns int // data.wide-table max-columns

	// The whole-program rules' options (see Global).
	MaxReaders        int // data.shared-table max-readers
	MaxQueryShare     int // data.single-table max-query-share, percent
	MaxComponentShare int // data.single-table max-component-share, percent
	MinSites          int // data.single-table min-sites
}

// DefaultConfig returns the configuration of the default Analyzer.
func DefaultConfig() Config {
	return Config{
		MaxColumns: DefaultMaxColumns, MaxReaders: DefaultMaxReaders,
		MaxQueryShare: DefaultMaxQueryShare, MaxComponentShare: DefaultMaxComponentShare, MinSites: DefaultMinSites,
	}
}

// ConfigFrom derives a Config from the driver's settings.
func ConfigFrom(s family.Settings) Config {
	c := DefaultConfig()
	c.MaxColumns = family.Option(s, RuleWideTable, "max-columns", c.MaxColumns)
	c.MaxReaders = family.Option(s, RuleSharedTable, "max-readers", c.MaxReaders)
	c.MaxQueryShare = family.Option(s, RuleSingleTable, "max-query-share", c.MaxQueryShare)
	c.MaxComponentShare = family.Option(s, RuleSingleTable, "max-component-share", c.MaxComponentShare)
	c.MinSites = family.Option(s, RuleSingleTable, "min-sites", c.MinSites)
	return c
}

// Family returns the data family.
func Family() family.Family {
	return family.Family{
		Name:      "data",
		Rules:     Rules(),
		New:       analyzers,
		Global:    Global,
		Inventory: Tables,
		Partial:   []string{"data"},
	}
}

// analyzers returns the default Analyzer for zero-valued settings, so that
// drivers see stable values, and a new one otherwise.
func analyzers(s family.Settings) []*analysis.Analyzer {
	if s.IsZero() {
		return []*analysis.Analyzer{Analyzer}
	}
	return []*analysis.Analyzer{New(ConfigFrom(s))}
}

// Analyzer is the data analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

// perPackageRules are the ids of the rules the data analyzer reports from
// one package: the others are decided by Global.
func perPackageRules() []string {
	var ids []string
	for _, r := range Rules() {
		if !r.Global {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// New returns a data analyzer for cfg. Its flags start at cfg's values.
func New(cfg Config) *analysis.Analyzer {
	c := &cfg
	a := &analysis.Analyzer{
		Name: "data",
		Doc: finding.AnalyzerDoc("report data-access decisions that fix the shape of stored data",
			"It reports SELECT *, UPDATE or DELETE without WHERE, schema DDL and ORM auto-migration in "+
				"application code, catch-all JSON/blob columns and wide tables; its result carries every query "+
				"site for the whole-program rules data.single-table and data.shared-table.",
			perPackageRules()...),
		URL:        finding.DocURL(RuleSelectStar),
		Requires:   []*analysis.Analyzer{queries.Analyzer},
		ResultType: reflect.TypeFor[*Result](),
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, c) },
	}
	registerFlags(&a.Flags, c)
	return a
}

// registerFlags binds the fields of *c to flags in fs.
func registerFlags(fs *flag.FlagSet, c *Config) {
	fs.IntVar(&c.MaxColumns, "max-columns", c.MaxColumns, "columns a table may have before data.wide-table reports it")
}

// Result is the data analyzer's result on one package: the findings it
// reported and the query sites the whole-program rules need.
type Result struct {
	finding.Result
	Package string
	Sites   []queries.Site // sorted by position
	// Gone lists the tables the package's DDL drops or renames away
	// (old names, SQLite's temporary rebuild tables), sorted.
	Gone []string
	// Temporary lists the tables the package creates with CREATE TEMP
	// TABLE, sorted: tables of a session, not of the schema.
	Temporary []string
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	q, ok := pass.ResultOf[queries.Analyzer].(*queries.Result)
	if !ok {
		return nil, fmt.Errorf("data: %s: no query sites", pass.Pkg.Path())
	}
	schema := replay(pass.Fset, q.Sites)
	res := &Result{Package: pass.Pkg.Path(), Sites: q.Sites}
	res.Gone, res.Temporary = schema.goneTables()
	for _, f := range decide(pass.Fset, q, schema, cfg) {
		res.Report(pass, f)
	}
	return res, nil
}
