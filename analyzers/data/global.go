package data

import (
	"go/token"
	"maps"
	"slices"
	"sort"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// TableUse is one table of the program and the code that uses it: a row
// of the audit's table inventory.
type TableUse struct {
	Table      string
	Store      string    // the kind of datastore when not SQL (see queries.Site.Store)
	Components []string  // sorted
	Packages   []string  // sorted
	Reads      []SiteRef // in package order, then position
	Writes     []SiteRef
	DDL        []SiteRef // schema statements, ORM schema operations, and every site of a migration
}

// SiteRef is one query site that uses a table.
type SiteRef struct {
	Pos       token.Pos
	Package   string
	Component string
	API       string
	Constant  bool // the SQL text or ORM table is known at compile time
}

// Inventory lists every table the program's query sites use, sorted by
// name, with the components, packages and sites that read, write or
// define it.
func Inventory(prog *family.Program) []TableUse {
	byName := map[[2]string]*TableUse{} // by store and name
	gone, temp := map[string]bool{}, map[string]bool{}
	called := calledGenerated(prog)
	for _, pkg := range prog.Packages {
		res := resultOf(pkg)
		if res == nil {
			continue
		}
		comp := componentOf(prog, pkg.Path)
		for _, t := range res.Gone {
			gone[t] = true
		}
		for _, t := range res.Temporary {
			temp[t] = true
		}
		for _, s := range res.Sites {
			for _, t := range s.Tables {
				key := [2]string{s.Store, t.Name}
				u := byName[key]
				if u == nil {
					u = &TableUse{Table: t.Name, Store: s.Store}
					byName[key] = u
				}
				ref := SiteRef{Pos: s.Pos, Package: pkg.Path, Component: comp, API: s.API, Constant: s.Constant}
				switch {
				case s.Delegated != "" && called[s.Delegated]:
					continue // its callers' sites use the table
				case s.Migration:
					// Migrations define the schema; their reads and
					// writes (backfills, seed rows, the version row) are
					// not the application's use of the table.
					u.DDL = append(u.DDL, ref)
				case t.Access == sqlscan.Read:
					u.Reads = append(u.Reads, ref)
				case t.Access == sqlscan.Write:
					u.Writes = append(u.Writes, ref)
				case t.Access == sqlscan.DDL:
					u.DDL = append(u.DDL, ref)
				}
				u.Components = addSorted(u.Components, comp)
				u.Packages = addSorted(u.Packages, pkg.Path)
			}
		}
	}
	out := make([]TableUse, 0, len(byName))
	for _, u := range byName {
		switch {
		case temp[u.Table] && u.Store == "":
			continue // a session's temporary table
		case len(u.Reads) == 0 && len(u.Writes) == 0 && (gone[u.Table] || transientName(u.Table)):
			continue // only DDL, and dropped or renamed since, or a rebuild's step: not a table of today's schema
		}

		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Table != out[j].Table {
			return out[i].Table < out[j].Table
		}
		return out[i].Store < out[j].Store
	})
	return out
}

// calledGenerated returns the generated functions that run queries and
// that some site of the program calls (queries.Site.Calls).
func calledGenerated(prog *family.Program) map[string]bool {
	called := map[string]bool{}
	for _, pkg := range prog.Packages {
		if res := resultOf(pkg); res != nil {
			for _, s := range res.Sites {
				if s.Calls {
					called[s.API] = true
				}
			}
		}
	}
	return called
}

// label is the table's name, with its store when that is not SQL.
func (u TableUse) label() string {
	if u.Store == "" {
		return u.Table
	}
	return u.Table + " (" + u.Store + ")"
}

// Tables is the family's inventory: every table with the sites that
// read, write or define it.
func Tables(prog *family.Program) family.Inventory {
	var inv family.Inventory
	for _, u := range Inventory(prog) {
		t := family.Table{Name: u.Table, Store: u.Store, Components: u.Components, Packages: u.Packages}
		for _, s := range []struct {
			kind string
			refs []SiteRef
		}{{family.Read, u.Reads}, {family.Write, u.Writes}, {family.DDL, u.DDL}} {
			for _, r := range s.refs {
				t.Sites = append(t.Sites, family.Site{Pos: r.Pos, Kind: s.kind, Package: r.Package, Constant: r.Constant})
			}
		}
		sort.SliceStable(t.Sites, func(i, j int) bool { return prog.Before(t.Sites[i].Pos, t.Sites[j].Pos) })
		inv.Tables = append(inv.Tables, t)
	}
	return inv
}

// Global decides data.single-table and data.shared-table over the whole
// program, sorted by rule then table.
func Global(prog *family.Program) []finding.Finding {
	// Migration tools' bookkeeping tables are the tools', written by
	// every component that migrates a store: no design decision.
	inv := slices.DeleteFunc(Inventory(prog), func(u TableUse) bool { return bookkeeping(u.Table) })
	c := ConfigFrom(prog.Settings)
	var out []finding.Finding
	out = append(out, singleTable(prog, c, inv)...)
	out = append(out, sharedTable(prog, c, inv)...)
	return out
}

// usage is what the global rules count for one table: the sites that
// read or write it (DDL is not use) and where they are.
type usage struct {
	sites []SiteRef // each site once, in package order then position
	comps map[string]int
	pkgs  map[string]bool
}

func usageOf(prog *family.Program, u TableUse) usage {
	us := usage{comps: map[string]int{}, pkgs: map[string]bool{}}
	seen := map[SiteRef]bool{}
	for _, r := range append(append([]SiteRef(nil), u.Reads...), u.Writes...) {
		if seen[r] {
			continue
		}
		seen[r] = true
		us.sites = append(us.sites, r)
		us.comps[r.Component]++
		us.pkgs[r.Package] = true
	}
	sort.SliceStable(us.sites, func(i, j int) bool {
		if us.sites[i].Package != us.sites[j].Package {
			return us.sites[i].Package < us.sites[j].Package
		}
		return prog.Before(us.sites[i].Pos, us.sites[j].Pos)
	})
	return us
}

func (us usage) evidence() finding.Evidence {
	return finding.Evidence{Sites: len(us.sites), Packages: len(us.pkgs), Components: len(us.comps), DataAtRest: true}
}

// firstPerComponent returns the first site of each component, the owner's
// first, as related positions.
func firstPerComponent(sites []SiteRef, owner, msg string) []finding.Related {
	seen := map[string]bool{}
	var rel []finding.Related
	for _, s := range sites {
		if seen[s.Component] {
			continue
		}
		seen[s.Component] = true
		m := s.Component + " " + msg
		if s.Component == owner {
			m = s.Component + " (owner) " + msg
		}
		rel = append(rel, finding.Related{Pos: s.Pos, Message: m})
	}
	return rel
}

// resultOf returns the data analyzer's result on a package, whichever
// configuration of the analyzer produced it.
func resultOf(pkg *family.Package) *Result {
	if r, ok := pkg.Results[Analyzer].(*Result); ok {
		return r
	}
	var found *Result
	for a, r := range pkg.Results {
		if res, ok := r.(*Result); ok && (found == nil || a.Name == "data") {
			found = res
		}
	}
	return found
}

// componentOf places a package, falling back to its path for packages of
// no component (outside the main modules, or without a Place function).
func componentOf(prog *family.Program, path string) string {
	if prog.Place != nil {
		if c := prog.Place(path).Component; c != "" {
			return c
		}
	}
	return path
}

func addSorted(list []string, s string) []string {
	i, found := slices.BinarySearch(list, s)
	if found {
		return list
	}
	return slices.Insert(list, i, s)
}

func sortedKeys(m map[string]int) []string { return slices.Sorted(maps.Keys(m)) }
