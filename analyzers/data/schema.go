package data

import (
	"go/token"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// shape is a table as a package's DDL leaves it, replayed in order.
type shape struct {
	cols    []string    // in the order they were defined
	created token.Pos   // the first CREATE TABLE, or the first ALTER when no CREATE is seen
	initial int         // the columns it was created with
	creates []token.Pos // every CREATE TABLE of it, one per dialect or rebuild
	alters  []token.Pos // the sites that added columns to it
}

// schemaState is the schema a package's DDL builds: the tables that
// exist after its last statement, and those its migrations dropped or
// renamed away.
type schemaState struct {
	tables map[string]*shape
	gone   map[string]bool
	temp   map[string]bool // CREATE TEMP TABLE: tables of a session
}

// replay runs the DDL of the sites in source order (file name, then
// offset; versioned migrations are usually one per file, named in order):
// CREATE TABLE defines columns, ALTER TABLE adds and drops them, RENAME
// moves a table to its new name (SQLite's rebuild through a _dg_tmp or
// _new table), DROP TABLE removes it. Steps that undo others (down
// migrations) are left out: they describe no schema the application runs
// on.
func replay(fset *token.FileSet, sites []queries.Site) schemaState {
	s := schemaState{tables: map[string]*shape{}, gone: map[string]bool{}, temp: map[string]bool{}}
	ordered := slices.Clone(sites)
	sort.SliceStable(ordered, func(i, j int) bool {
		pi, pj := fset.Position(ordered[i].Pos), fset.Position(ordered[j].Pos)
		if pi.Filename != pj.Filename {
			return pi.Filename < pj.Filename
		}
		return pi.Offset < pj.Offset
	})
	for _, site := range ordered {
		if site.Rollback {
			continue
		}
		for _, st := range site.Statements {
			s.apply(site.Pos, st)
		}
	}
	return s
}

func (s *schemaState) apply(pos token.Pos, st sqlscan.Statement) {
	if st.Kind == sqlscan.Create && st.Temporary {
		if name := firstTable(st, sqlscan.DDL); name != "" {
			s.temp[name] = true
		}
		return
	}
	switch {
	case st.Kind == sqlscan.Create && len(st.Defined) > 0:
		name := firstTable(st, sqlscan.DDL)
		t := s.tables[name]
		if t == nil {
			t = &shape{created: pos}
			s.tables[name] = t
		} else if len(t.creates) == 0 {
			t.created = pos // created here after ALTERs seen first
		}
		t.cols = t.cols[:0]
		for _, c := range st.Defined {
			t.cols = addColumn(t.cols, c.Name)
		}
		t.initial = len(t.cols)
		t.creates = append(t.creates, pos)
		delete(s.gone, name)
	case st.Kind == sqlscan.Alter:
		name := firstTable(st, sqlscan.DDL)
		if len(st.Renames) > 0 {
			name = st.Renames[0].From
		}
		if len(st.Defined) > 0 || len(st.Dropped) > 0 {
			t := s.tables[name]
			if t == nil {
				t = &shape{created: pos}
				s.tables[name] = t
			}
			for _, c := range st.Defined {
				t.cols = addColumn(t.cols, c.Name)
			}
			for _, c := range st.Dropped {
				t.cols = slices.DeleteFunc(t.cols, func(x string) bool { return x == c })
			}
			if len(st.Defined) > 0 && !slices.Contains(t.alters, pos) {
				t.alters = append(t.alters, pos)
			}
		}
	case st.Kind == sqlscan.Drop:
		for _, tb := range st.Tables {
			if tb.Access == sqlscan.DDL {
				delete(s.tables, tb.Name)
				s.gone[tb.Name] = true
			}
		}
	}
	for _, r := range st.Renames {
		if t := s.tables[r.From]; t != nil {
			s.tables[r.To] = t
		}
		delete(s.tables, r.From)
		s.gone[r.From] = true
		delete(s.gone, r.To)
	}
}

// goneTables returns the tables dropped or renamed away, and the
// temporary tables, sorted.
func (s schemaState) goneTables() (gone, temp []string) {
	return slices.Sorted(maps.Keys(s.gone)), slices.Sorted(maps.Keys(s.temp))
}

// transientName reports whether a table is named as a step of a rebuild
// (tasks_new, tasks_dg_tmp, tmp_tasks, tasks_old, tasks_backup): used
// by migrations only, it is no table of today's schema even when the
// statement that renames or drops it is out of sight (a .sql file, a
// dynamic EXECUTE).
func transientName(name string) bool {
	n := strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
	for _, p := range []string{"tmp_", "temp_"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	for _, suf := range []string{"_new", "_old", "_tmp", "_temp", "_backup", "_bak"} {
		if strings.HasSuffix(n, suf) {
			return true
		}
	}
	return false
}

func addColumn(cols []string, name string) []string {
	if slices.Contains(cols, name) {
		return cols
	}
	return append(cols, name)
}

// has reports whether a column of a table exists after the replay; a
// table the replay never saw created may have it.
func (s schemaState) has(table, col string) bool {
	if s.gone[table] {
		return false
	}
	t := s.tables[table]
	return t == nil || len(t.creates) == 0 || slices.Contains(t.cols, col)
}
