// Package data finds data-access decisions that fix the shape of data at
// rest: SQL and ORM calls mapped to tables and columns.
//
// # Analyzer data
//
// data: report data-access decisions that fix the shape of stored data
//
// The analyzer builds on the dataqueries helper (package queries), which
// finds every query site of database/sql, sqlx, pgx, gorm, bun, xorm,
// squirrel and goqu with its SQL resolved as far as statically possible,
// following repository wrappers across packages, and every ORM model.
//
// Per package it reports:
//
//   - data.select-star: SELECT * (or t.*) in the outermost select list
//   - data.unbounded-mutation: UPDATE or DELETE without WHERE
//   - data.schema-in-code: DDL or ORM auto-migration issued by the application
//   - data.catch-all-column: a JSON, JSONB, hstore or blob column used as a bag
//   - data.wide-table: a table defined with more columns than max-columns
//
// The whole-program part (Global) decides data.single-table and
// data.shared-table from every package's sites, and Inventory lists each
// table with the components, packages and sites that use it.
//
// Flags: -max-columns.
package data
