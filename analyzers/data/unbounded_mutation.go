package data

import (
	"fmt"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule data.unbounded-mutation: an UPDATE or DELETE without WHERE
// changes every row. A migration's backfill runs once: it is no
// decision.

// unboundedMutation returns the data.unbounded-mutation finding of a
// statement.
func unboundedMutation(s queries.Site, st sqlscan.Statement) []finding.Finding {
	if (st.Kind != sqlscan.Update && st.Kind != sqlscan.Delete) || st.Where || st.Open || s.Migration {
		return nil
	}
	target := firstTable(st, sqlscan.Write)
	name := target
	if name == "" {
		name = "an unresolved table"
	}
	return []finding.Finding{siteFinding(s, RuleUnboundedMutation, target, fmt.Sprintf("%s of %s without where changes every row", st.Kind, name))}
}
