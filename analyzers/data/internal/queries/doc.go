// Package queries finds the places where a package talks to a SQL
// database, and the tables each one uses.
//
// # Analyzer dataqueries
//
// dataqueries: find SQL query sites and ORM models (helper for the data rules)
//
// It recognises calls of database/sql (DB, Tx, Conn: Query, QueryRow, Exec,
// Prepare and their Context forms), github.com/jmoiron/sqlx, pgx v4 and v5
// (Conn, Pool, Tx, Batch.Queue, and CopyFrom, a write to the table its
// pgx.Identifier names), gorm (Raw, Exec, finishers with Table, Model or a
// model destination, Joins clauses, the associations Preload names,
// AutoMigrate and the Migrator), bun (NewSelect … Scan/Exec with Join
// clauses, NewRaw, NewCreateTable), xorm (Find, Insert, Table, Exec, SQL —
// SQL(…).Find is the SQL's one query —, Sync), the squirrel, goqu and
// huandu/go-sqlbuilder builders (From, Into, Insert, InsertInto, Update,
// Delete, DeleteFrom, joins, goqu.T and goqu.I, aliased with As or not) and
// calls through interfaces with the database methods' names (sqlc's DBTX, a
// repository's Querier).
//
// SQL text is resolved as far as statically possible: constants,
// concatenation, fmt.Sprintf with a constant format (unknown arguments
// become holes), variables assigned once (or extended with +=),
// sqlx.In and Rebind, and an element of a slice or array of constant
// strings that this package only reads (steps[i], or the value of a range
// over it): the element a constant index picks, else each of them, as a
// statement of its own.
//
// The database's catalogue (information_schema, pg_catalog and pg_*
// tables, sqlite_* tables, the mysql system schemas) is no table: a site
// that reads only the catalogue has none. A function whose string parameter flows into a query
// is a wrapper: its callers' strings are queries, and a WrapperFact carries
// that to other packages. Model types export a TableNameFact so that other
// packages map them to the same table.
//
// A function's string parameter that is only a part of a query (a table
// name a helper formats in) makes the function a template: its callers'
// constant arguments fill it in (WrapperFact.Template), a name built from
// a variable names no table. Generated functions that run queries (sqlc's
// Queries methods, xo) hand their tables to their callers (QueryFact):
// each call is a site of the caller's package; so do the finishers of
// ent's generated builders (UserQuery.All reads the entity's table) and
// ent's Schema.Create (schema issued from code). Tables are told apart by
// datastore (Site.Store: "cql" for Cassandra).
//
// Sites that belong to versioned schema migrations are marked (Site.Migration):
// code of a package named for migrations that changes the schema,
// functions registered as migrations in any shape (an argument of
// AddMigration, a value of a Migration type, an element of a list bound to
// a migrations name), statements held as data in such lists, and, in a
// package that changes the schema, functions named for running or
// recording them. Steps that undo others are marked Rollback.
//
// The analyzer reports nothing: its result, a *Result, lists every site
// (position, API, resolved SQL, whether it is constant, the statements the
// sqlscan package found and the tables with their access) and every ORM
// model with its columns.
package queries
