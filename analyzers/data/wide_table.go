package data

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule data.wide-table: a table with more than max-columns columns, as
// the schema replay leaves it or as a model maps it.

// maxRelated bounds the related positions of a wide-table finding: the
// message counts them all.
const maxRelated = 10

// wideTables reports the tables the replay leaves with more than
// cfg.MaxColumns columns, at their first CREATE TABLE: a table grown past
// the limit by ALTER TABLE … ADD COLUMN in later migrations is as wide as
// one created so.
func (s schemaState) wideTables(cfg *Config) []finding.Finding {
	names := make([]string, 0, len(s.tables))
	for name := range s.tables {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []finding.Finding
	for _, name := range names {
		t := s.tables[name]
		if len(t.cols) <= cfg.MaxColumns || name == "" {
			continue
		}
		ev := localEvidence()
		ev.Columns = len(t.cols)
		ev.Sites = max(1, len(t.creates)) // the declarations; the alters are one evolving definition
		msg := fmt.Sprintf("table %s has %d columns, more than %d", name, len(t.cols), cfg.MaxColumns)
		if len(t.alters) > 0 {
			msg = fmt.Sprintf("table %s has %d columns, more than %d: %d at creation, the rest added in %d places", name, len(t.cols), cfg.MaxColumns, t.initial, len(t.alters))
			if len(t.creates) == 0 {
				msg = fmt.Sprintf("table %s has at least %d columns, more than %d, added in %d places", name, len(t.cols), cfg.MaxColumns, len(t.alters))
			}
		}
		f := finding.Finding{Rule: RuleWideTable, Pos: t.created, Subject: name, Evidence: ev, Message: msg}
		for _, p := range t.creates {
			if p != t.created && len(f.Related) < maxRelated {
				f.Related = append(f.Related, finding.Related{Pos: p, Message: "also declared here"})
			}
		}
		for _, p := range t.alters {
			if len(f.Related) < maxRelated {
				f.Related = append(f.Related, finding.Related{Pos: p, Message: "columns added here"})
			}
		}
		out = append(out, f)
	}
	return out
}

// wideModel returns the data.wide-table finding of a model mapping more
// than cfg.MaxColumns columns.
func wideModel(m queries.Model, cfg *Config) []finding.Finding {
	if len(m.Columns) <= cfg.MaxColumns {
		return nil
	}
	ev := localEvidence()
	ev.Columns = len(m.Columns)
	name := m.Type[strings.LastIndexByte(m.Type, '.')+1:]
	return []finding.Finding{{
		Rule: RuleWideTable, Pos: m.Pos, Subject: m.Table, Evidence: ev,
		Message: fmt.Sprintf("model %s maps table %s with %d columns, more than %d", name, m.Table, len(m.Columns), cfg.MaxColumns),
	}}
}
