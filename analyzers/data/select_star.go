package data

import (
	"fmt"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule data.select-star: SELECT * (and INSERT … SELECT *) couples the
// code to every column of the tables it reads. A migration runs once
// against one version of the schema: its SELECT * fixes nothing.

// selectStar returns the data.select-star finding of a statement.
func selectStar(s queries.Site, st sqlscan.Statement) []finding.Finding {
	if !st.Star || (st.Kind != sqlscan.Select && st.Kind != sqlscan.Insert) || s.Migration {
		return nil
	}
	if ts := st.StarTables; len(ts) > 0 {
		return []finding.Finding{siteFinding(s, RuleSelectStar, ts[0],
			fmt.Sprintf("select * from %s couples the code to every column of %s", strings.Join(ts, ", "), andList(ts)))}
	}
	return []finding.Finding{siteFinding(s, RuleSelectStar, "*", "select * couples the code to every column of the tables it reads")}
}
