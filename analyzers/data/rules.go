package data

import (
	"fmt"
	"go/token"
	"slices"
	"sort"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/queries"
	"github.com/oneway-lint/oneway/analyzers/data/sqlscan"
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
	add := func(rule, subject, msg string, ev finding.Evidence) {
		out = append(out, finding.Finding{Rule: rule, Pos: s.Pos, Message: msg, Subject: subject, Evidence: ev})
	}
	var ddl []string
	for _, st := range s.Statements {
		target := firstTable(st, sqlscan.Write)
		// A migration runs once against one version of the schema: its
		// SELECT * and its backfills without WHERE fix nothing.
		if st.Star && (st.Kind == sqlscan.Select || st.Kind == sqlscan.Insert) && !s.Migration {
			if ts := st.StarTables; len(ts) == 0 {
				add(RuleSelectStar, "*", "select * couples the code to every column of the tables it reads", localEvidence())
			} else {
				add(RuleSelectStar, ts[0], fmt.Sprintf("select * from %s couples the code to every column of %s", strings.Join(ts, ", "), andList(ts)), localEvidence())
			}
		}
		if (st.Kind == sqlscan.Update || st.Kind == sqlscan.Delete) && !st.Where && !st.Open && !s.Migration {
			name := target
			if name == "" {
				name = "an unresolved table"
			}
			add(RuleUnboundedMutation, target, fmt.Sprintf("%s of %s without where changes every row", st.Kind, name), localEvidence())
		}
		if st.DDL {
			table := firstTable(st, sqlscan.DDL)
			if table != "" && !slices.Contains(ddl, table) {
				ddl = append(ddl, table)
			}
			for _, c := range st.Defined {
				subject := table + "." + c.Name
				switch {
				case bagType(c.Type):
					add(RuleCatchAllColumn, subject, fmt.Sprintf("column %s is a %s bag: its fields are a schema nobody declares", subject, c.Type), localEvidence())
				case c.JSON:
					add(RuleCatchAllColumn, subject, fmt.Sprintf("column %s keeps JSON in a %s column: its fields are a schema nobody declares", subject, c.Type), localEvidence())
				}
			}
		}
	}
	if s.Migrate {
		for _, t := range s.Tables {
			if !slices.Contains(ddl, t.Name) {
				ddl = append(ddl, t.Name)
			}
		}
	}
	if !s.Migration && (len(ddl) > 0 || s.Migrate || hasDDL(s.Statements)) {
		subject := "schema"
		if len(ddl) > 0 {
			subject = ddl[0]
		}
		what := "schema ddl"
		if s.Migrate {
			what = "orm schema migration"
		}
		add(RuleSchemaInCode, subject, fmt.Sprintf("application code issues %s for %s", what, list(ddl)), localEvidence())
	}
	return out
}

func modelFindings(m queries.Model, cfg *Config) []finding.Finding {
	var out []finding.Finding
	for _, c := range m.Columns {
		if kind := bagColumn(c); kind != "" {
			subject := m.Table + "." + c.Name
			out = append(out, finding.Finding{
				Rule: RuleCatchAllColumn, Pos: c.Pos, Subject: subject, Evidence: localEvidence(),
				Message: fmt.Sprintf("field %s maps column %s as a %s bag: its fields are a schema nobody declares", c.Field, subject, kind),
			})
		}
	}
	if len(m.Columns) > cfg.MaxColumns {
		ev := localEvidence()
		ev.Columns = len(m.Columns)
		name := m.Type[strings.LastIndexByte(m.Type, '.')+1:]
		out = append(out, finding.Finding{
			Rule: RuleWideTable, Pos: m.Pos, Subject: m.Table, Evidence: ev,
			Message: fmt.Sprintf("model %s maps table %s with %d columns, more than %d", name, m.Table, len(m.Columns), cfg.MaxColumns),
		})
	}
	return out
}

// bagType reports whether a column type of hand-written DDL stores a bag
// of fields: JSON and hstore. Binary and text columns are opaque values
// (icons, keys, caches) unless a comment says they hold JSON.
func bagType(t string) bool {
	base, _, _ := strings.Cut(t, "(")
	base = strings.TrimSuffix(strings.TrimSpace(base), "[]")
	switch base {
	case "json", "jsonb", "hstore":
		return true
	}
	return false
}

// bagColumn says what kind of bag a model column is, or "": judged by the
// field's Go type, which declares the stored value's schema when it has
// one ([]string as JSON, a struct). What is stored from any,
// map[string]any, json.RawMessage or datatypes.JSON is a bag, and so is
// a []byte or string the ORM stores as JSON; other bytes are opaque.
func bagColumn(c queries.ModelColumn) string {
	switch c.Shape {
	case queries.Untyped:
		if c.DBType != "" {
			return c.DBType
		}
		return "json"
	case queries.Bytes, queries.Text:
		if bagType(c.DBType) {
			return c.DBType
		}
		if c.Serialized {
			return "json"
		}
	}
	return ""
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
