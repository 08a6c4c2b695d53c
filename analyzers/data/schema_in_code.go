package data

import (
	"fmt"
	"slices"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule data.schema-in-code: application code that issues schema DDL or
// an ORM's schema migration, outside the migrations.

// schemaInCode returns the data.schema-in-code finding of a site whose
// statements define the tables ddl.
func schemaInCode(s queries.Site, ddl []string) []finding.Finding {
	if s.Migrate {
		for _, t := range s.Tables {
			if !slices.Contains(ddl, t.Name) {
				ddl = append(ddl, t.Name)
			}
		}
	}
	if s.Migration || len(ddl) == 0 && !s.Migrate && !hasDDL(s.Statements) {
		return nil
	}
	subject := "schema"
	if len(ddl) > 0 {
		subject = ddl[0]
	}
	what := "schema ddl"
	if s.Migrate {
		what = "orm schema migration"
	}
	return []finding.Finding{siteFinding(s, RuleSchemaInCode, subject, fmt.Sprintf("application code issues %s for %s", what, list(ddl)))}
}
