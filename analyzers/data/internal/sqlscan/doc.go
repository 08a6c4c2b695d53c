// Package sqlscan is a tolerant, dialect-agnostic SQL scanner: it reads
// enough of PostgreSQL, MySQL and SQLite statements to tell what kind of
// statement each is, which tables it reads, writes or defines, whether it
// selects *, which columns it names, whether it has a WHERE clause and
// which columns a CREATE TABLE defines.
//
// It is not a parser. It accepts fragments ("WHERE id = ?"), every common
// placeholder style ($1, ?, :name, @p), quoted and schema-qualified names,
// aliases, joins, sub-queries and CTEs (whose names are not tables), and it
// never panics: what it does not understand it skips. Parts of a query that
// could not be resolved statically are marked with Hole.
package sqlscan
