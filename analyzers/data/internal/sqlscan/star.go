package sqlscan

import (
	"slices"
	"sort"
	"strings"
)

// tableRef is a table of a FROM list: a named table, or a derived table
// or CTE with the tables its own star selects.
type tableRef struct {
	name, alias string
	derived     bool
	star        []string // of a derived table or CTE
}

// Renaming is a table that gets a new name.
type Renaming struct{ From, To string }

// starTables resolves what the stars of st's select list select: the
// named tables of its FROM list (t.* the one named or aliased t), the
// star tables of its derived tables and CTEs. A star over derived tables
// and CTEs that name their columns selects no table's columns: Star is
// cleared. With no FROM list read (an unresolved table) Star stays, with
// no tables.
func (p *parser) starTables(st *Statement) {
	if !st.Star || len(st.refs) == 0 {
		return
	}
	var out []string
	for _, q := range st.stars {
		for _, r := range st.refs {
			if q != "" && !strings.EqualFold(q, r.alias) && !strings.EqualFold(q, r.name) &&
				!strings.EqualFold(q, r.name[strings.LastIndexByte(r.name, '.')+1:]) {
				continue
			}
			switch cte, isCTE := p.cteStars[strings.ToUpper(r.name)]; {
			case r.derived:
				out = append(out, r.star...)
			case isCTE || p.ctes[strings.ToUpper(r.name)]:
				out = append(out, cte...)
			case !Catalogue(r.name):
				out = append(out, r.name)
			}
		}
	}
	sort.Strings(out)
	st.StarTables = slices.Compact(out)
	st.Star = len(st.StarTables) > 0
}
