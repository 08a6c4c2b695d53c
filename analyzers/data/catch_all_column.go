package data

import (
	"fmt"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule data.catch-all-column: a column that stores a bag of fields
// (JSON, hstore), declared by hand-written DDL or mapped by a model
// field whose Go type declares no schema.

// catchAllDDL returns the data.catch-all-column findings of the columns
// a DDL statement defines on table.
func catchAllDDL(s queries.Site, st sqlscan.Statement, table string) []finding.Finding {
	var out []finding.Finding
	for _, c := range st.Defined {
		subject := table + "." + c.Name
		switch {
		case bagType(c.Type):
			out = append(out, siteFinding(s, RuleCatchAllColumn, subject, fmt.Sprintf("column %s is a %s bag: its fields are a schema nobody declares", subject, c.Type)))
		case c.JSON:
			out = append(out, siteFinding(s, RuleCatchAllColumn, subject, fmt.Sprintf("column %s keeps JSON in a %s column: its fields are a schema nobody declares", subject, c.Type)))
		}
	}
	return out
}

// catchAllModel returns the data.catch-all-column findings of a model's
// columns.
func catchAllModel(m queries.Model) []finding.Finding {
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
