package data

import (
	"fmt"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule data.shared-table: a table written by several components, or
// read directly by more than max-readers besides its owner (see Global).

func sharedTable(prog *family.Program, c Config, inv []TableUse) []finding.Finding {
	maxReaders := c.MaxReaders
	var out []finding.Finding
	for _, u := range inv {
		writers := map[string]int{}
		for _, r := range u.Writes {
			writers[r.Component]++
		}
		owner := ""
		for c, n := range writers {
			if n > writers[owner] || n == writers[owner] && (owner == "" || c < owner) {
				owner = c
			}
		}
		var readers []string
		for _, r := range u.Reads {
			if r.Component != owner && writers[r.Component] == 0 {
				readers = addSorted(readers, r.Component)
			}
		}
		us := usageOf(prog, u)
		var why []string
		if len(writers) > 1 {
			why = append(why, fmt.Sprintf("written by %d components (%s)", len(writers), strings.Join(sortedKeys(writers), ", ")))
		}
		if owner != "" && len(readers) > maxReaders {
			why = append(why, fmt.Sprintf("read directly by %d components besides its owner %s (%s)", len(readers), owner, strings.Join(readers, ", ")))
		}
		if len(why) == 0 {
			continue
		}
		// Report at the first site of a component other than the owner.
		pos := us.sites[0].Pos
		for _, s := range us.sites {
			if s.Component != owner {
				pos = s.Pos
				break
			}
		}
		ev := us.evidence()
		out = append(out, finding.Finding{
			Rule:     RuleSharedTable,
			Pos:      pos,
			Subject:  u.label(),
			Evidence: ev,
			Message:  fmt.Sprintf("table %s is %s: its shape is a contract nobody owns", u.label(), strings.Join(why, " and ")),
			Related:  firstPerComponent(us.sites, owner, "uses "+u.label()),
		})
	}
	return out
}

// bookkeepingNames are the tables migration tools keep their state in,
// lower case without underscores: goose, golang-migrate, gorp, sql-migrate,
// Rails-style schema_migrations, Prisma, Atlas, Flyway, Liquibase, and
// the hand-written schema version tables of stores that migrate
// themselves.
var bookkeepingNames = map[string]bool{
	"schemaversion": true, "schemaversions": true, "schemamigrations": true, "schemainfo": true,
	"goosedbversion": true, "gorpmigrations": true, "migrations": true, "migrationversions": true,
	"prismamigrations": true, "atlasschemarevisions": true, "flywayschemahistory": true,
	"databasechangelog": true, "databasechangeloglock": true, "dbversion": true,
}

// bookkeeping reports whether a table holds a migration tool's state.
func bookkeeping(table string) bool {
	name := table[strings.LastIndexByte(table, '.')+1:] // public.schema_migrations
	return bookkeepingNames[strings.ReplaceAll(strings.ToLower(name), "_", "")]
}
