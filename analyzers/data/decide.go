package data

import (
	"fmt"
	"go/token"
	"slices"
	"sort"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// localEvidence is the evidence of a decision made at one site of one package.
func localEvidence() finding.Evidence {
	return finding.Evidence{Sites: 1, Packages: 1, Components: 1, DataAtRest: true}
}

// decide returns the per-package findings for the sites and models of a
// package, sorted by position (file name, then offset: the order of
// token.Pos values across files depends on the order they were parsed in).
func decide(fset *token.FileSet, q *queries.Result, schema schemaState, cfg *Config) []finding.Finding {
	var out []finding.Finding
	for _, s := range q.Sites {
		for _, f := range siteFindings(s) {
			if f.Rule == RuleCatchAllColumn && !schema.has(splitColumn(f.Subject)) {
				continue // dropped by a later migration, or its table is gone
			}
			out = append(out, f)
		}
	}
	out = append(out, schema.wideTables(cfg)...)
	for _, m := range q.Models {
		if !m.Migration { // a migration's snapshot of a model: the application's model decides
			out = append(out, modelFindings(m, cfg)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos != out[j].Pos {
			pi, pj := fset.Position(out[i].Pos), fset.Position(out[j].Pos)
			if pi.Filename != pj.Filename {
				return pi.Filename < pj.Filename
			}
			return pi.Offset < pj.Offset
		}
		return out[i].Rule < out[j].Rule
	})
	return onePerSubject(out)
}

// onePerSubject keeps one data.catch-all-column and one data.wide-table
// finding per subject: a column added by one migration and altered by the
// next, or declared once per SQL dialect, is one decision. The first
// declaration is reported; the others become related positions.
func onePerSubject(fs []finding.Finding) []finding.Finding {
	first := map[[2]string]int{}
	out := fs[:0]
	for _, f := range fs {
		if f.Rule != RuleCatchAllColumn && f.Rule != RuleWideTable {
			out = append(out, f)
			continue
		}
		key := [2]string{f.Rule, f.Subject}
		i, seen := first[key]
		if !seen {
			first[key] = len(out)
			out = append(out, f)
			continue
		}
		out[i].Related = append(out[i].Related, finding.Related{Pos: f.Pos, Message: "also declared here"})
		out[i].Evidence.Columns = max(out[i].Evidence.Columns, f.Evidence.Columns)
		out[i].Evidence.Sites++
	}
	return out
}

func siteFindings(s queries.Site) []finding.Finding {
	var out []finding.Finding
	var ddl []string
	for _, st := range s.Statements {
		out = append(out, selectStar(s, st)...)
		out = append(out, unboundedMutation(s, st)...)
		if st.DDL {
			table := firstTable(st, sqlscan.DDL)
			if table != "" && !slices.Contains(ddl, table) {
				ddl = append(ddl, table)
			}
			out = append(out, catchAllDDL(s, st, table)...)
		}
	}
	return append(out, schemaInCode(s, ddl)...)
}

// siteFinding is a finding at a query site.
func siteFinding(s queries.Site, rule, subject, msg string) finding.Finding {
	return finding.Finding{Rule: rule, Pos: s.Pos, Message: msg, Subject: subject, Evidence: localEvidence()}
}

func modelFindings(m queries.Model, cfg *Config) []finding.Finding {
	return append(catchAllModel(m), wideModel(m, cfg)...)
}

// splitColumn splits "schema.table.column" into its table and column.
func splitColumn(subject string) (string, string) {
	i := strings.LastIndexByte(subject, '.')
	if i < 0 {
		return "", subject
	}
	return subject[:i], subject[i+1:]
}

func firstTable(st sqlscan.Statement, acc sqlscan.Access) string {
	for _, t := range st.Tables {
		if t.Access == acc {
			return t.Name
		}
	}
	return ""
}

func hasDDL(sts []sqlscan.Statement) bool {
	for _, st := range sts {
		if st.DDL {
			return true
		}
	}
	return false
}

// andList joins names with commas and a final "and".
func andList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// list names up to three tables and counts the rest.
func list(names []string) string {
	switch {
	case len(names) == 0:
		return "the schema"
	case len(names) <= 3:
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more tables", strings.Join(names[:3], ", "), len(names)-3)
}
