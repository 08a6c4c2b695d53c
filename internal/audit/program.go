package audit

import (
	"context"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/filter"
	"github.com/oneway-lint/oneway/internal/gitrev"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// program holds what the audit knows about the loaded code base.
type program struct {
	fset     *token.FileSet
	imports  map[string][]string // ImportGraph of every package loaded
	root     string              // directory paths are made relative to
	resolver *component.Resolver // package → component
	fileMod  map[string]string   // absolute file → package path
	// generated marks files that say "Code generated … DO NOT EDIT.".
	generated map[string]bool
	modDirs   map[string]string // module path → directory
	pol       *policy.Policy
}

func newProgram(pkgs []*packages.Package, pol *policy.Policy) *program {
	pr := &program{fileMod: map[string]string{}, modDirs: map[string]string{}, pol: pol, generated: map[string]bool{}}
	var mods []component.Module
	for _, p := range pkgs {
		if pr.fset == nil {
			pr.fset = p.Fset
		}
		if m := p.Module; m != nil && m.Main {
			if _, ok := pr.modDirs[m.Path]; !ok {
				pr.modDirs[m.Path] = m.Dir
				mods = append(mods, component.Module{Path: m.Path, Dir: m.Dir})
			}
		}
		for _, f := range p.CompiledGoFiles {
			pr.fileMod[f] = p.PkgPath
		}
		for _, f := range p.GoFiles {
			pr.fileMod[f] = p.PkgPath
		}
		for _, f := range p.Syntax {
			name, gen := filter.GeneratedFile(pr.fset, f)
			pr.generated[name] = gen
		}
	}
	if pr.fset == nil {
		pr.fset = token.NewFileSet()
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	pr.resolver = pol.Resolver(mods)
	pr.imports = ImportGraph(pkgs)
	if !pol.NamesComponents() {
		pr.resolver = pr.resolver.Infer(pr.imports)
	}
	pr.root = commonDir(mods)
	return pr
}

// ImportGraph maps each package of the main modules (not its test
// variants) to the packages it imports: what component.Infer reads.
func ImportGraph(pkgs []*packages.Package) map[string][]string {
	g := map[string][]string{}
	for _, p := range pkgs {
		if p.Module == nil || !p.Module.Main || p.ID != p.PkgPath {
			continue
		}
		for imp := range p.Imports {
			g[p.PkgPath] = append(g[p.PkgPath], imp)
		}
	}
	return g
}

// commonDir is the deepest directory holding every main module.
func commonDir(mods []component.Module) string {
	root := ""
	for i, m := range mods {
		if i == 0 {
			root = m.Dir
			continue
		}
		for root != "" && !within(m.Dir, root) {
			parent := filepath.Dir(root)
			if parent == root {
				break
			}
			root = parent
		}
	}
	return root
}

func within(dir, root string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// rel makes an absolute file name relative to the root, with forward slashes.
func (pr *program) rel(file string) string {
	if pr.root == "" || file == "" {
		return filepath.ToSlash(file)
	}
	r, err := filepath.Rel(pr.root, file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(r)
}

// mainModules returns the paths of the main modules of pkgs, sorted.
func mainModules(pkgs []*packages.Package) []string {
	seen := map[string]bool{}
	var mods []string
	for _, p := range pkgs {
		if m := p.Module; m != nil && m.Main && !seen[m.Path] {
			seen[m.Path] = true
			mods = append(mods, m.Path)
		}
	}
	sort.Strings(mods)
	return mods
}

// modules returns the paths of the main modules, sorted.
func (pr *program) modules() []string {
	mods := make([]string, 0, len(pr.modDirs))
	for m := range pr.modDirs {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	return mods
}

// policyName names the policy file for the report.
func (pr *program) policyName(file string) string {
	if file == "" {
		return "(default)"
	}
	abs, err := filepath.Abs(file)
	if err != nil || pr.root == "" || !within(abs, pr.root) {
		return filepath.ToSlash(file)
	}
	return pr.rel(abs)
}

// excluded reports whether the policy excludes the whole package.
func (pr *program) excluded(p *packages.Package) bool {
	pl := pr.resolver.Resolve(p.PkgPath)
	return pl.Module != "" && pr.pol.Excluded(pl.Rel)
}

// decide weighs one finding against the policy; global says it comes
// from a family's whole-program part. It returns false for
// findings the policy switches off, ignores or excludes.
func (pr *program) decide(pol *policy.Policy, rules map[string]finding.Rule, f finding.Finding, global bool) (report.Decision, bool) {
	rule, ok := rules[f.Rule]
	if !ok {
		rule = finding.Rule{ID: f.Rule, Weight: 1}
	}
	pos := pr.fset.Position(f.Pos)
	file := pr.rel(pos.Filename)
	where := filter.Where{File: file, Excludable: true, Generated: pr.generated[pos.Filename], Global: global}
	if !filter.Reports(pol, rule, f.Subject, where) {
		return report.Decision{}, false
	}
	pkg := pr.fileMod[pos.Filename]
	comp := pr.resolver.Resolve(pkg).Component
	cost := pol.Score(rule, f.Evidence, comp)
	d := report.Decision{
		Rule:      f.Rule,
		Class:     string(cost.Class),
		Cost:      cost.Total,
		Breakdown: cost.String(),
		File:      file,
		Line:      pos.Line,
		Column:    pos.Column,
		Message:   f.Message,
		Component: comp,
		Package:   pkg,
		Subject:   f.Subject,
		Evidence:  f.Evidence,
	}
	d.Fingerprint = fingerprintOf(&d, global)
	for _, fc := range cost.Factors {
		d.Factors = append(d.Factors, report.Factor{Name: fc.Name, Value: fc.Value, Why: fc.Why})
	}
	for _, r := range f.Related {
		rp := pr.fset.Position(r.Pos)
		d.Related = append(d.Related, report.Location{File: pr.rel(rp.Filename), Line: rp.Line, Column: rp.Column, Message: r.Message})
	}
	return d, true
}

// table converts a family's table to the report's.
func (pr *program) table(t family.Table) report.Table {
	out := report.Table{
		Name:       t.Name,
		Store:      t.Store,
		Components: append([]string{}, t.Components...),
		Packages:   append([]string{}, t.Packages...),
		Sites:      []report.SiteRef{},
	}
	for _, s := range t.Sites {
		pos := pr.fset.Position(s.Pos)
		out.Sites = append(out.Sites, report.SiteRef{File: pr.rel(pos.Filename), Line: pos.Line, Kind: s.Kind})
		switch s.Kind {
		case family.Read:
			out.Reads++
		case family.Write:
			out.Writes++
		case family.DDL:
			out.DDL++
		}
	}
	return out
}

// moduleInfo describes the main modules for the families: go.mod is added
// to the file set so that decisions about a module have a position, and
// release tags come from git where the module is in a work tree.
func (pr *program) moduleInfo(ctx context.Context, pkgs []*packages.Package) []family.Module {
	seen := map[string]bool{}
	var mods []family.Module
	for _, p := range pkgs {
		m := p.Module
		if m == nil || !m.Main || seen[m.Path] {
			continue
		}
		seen[m.Path] = true
		fm := family.Module{Path: m.Path}
		pr.fileMod[m.GoMod] = m.Path // decisions about the module belong to its root
		if data, err := os.ReadFile(m.GoMod); err == nil {
			f := pr.fset.AddFile(m.GoMod, -1, len(data))
			f.SetLinesForContent(data)
			if line := moduleLine(data); line > 0 {
				fm.GoMod = f.LineStart(line)
			}
		}
		if tags, ok := gitrev.Tags(ctx, m.Dir); ok {
			fm.Tags = append([]string{}, tags...)
		}
		mods = append(mods, fm)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	return mods
}

// moduleLine returns the 1-based line of go.mod's module directive, or 0.
func moduleLine(data []byte) int {
	for i, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] == "module" {
			return i + 1
		}
	}
	return 0
}

// route converts a family's route to the report's.
func (pr *program) route(r family.Route) report.Route {
	pos := pr.fset.Position(r.Pos)
	return report.Route{
		Method: r.Method, Host: r.Host, Path: r.Path, Versioned: r.Versioned, Kind: r.Kind,
		Component: pr.resolver.Resolve(r.Package).Component, Package: r.Package,
		File: pr.rel(pos.Filename), Line: pos.Line, Constant: r.Constant,
	}
}

// proto converts a family's protobuf package to the report's.
func (pr *program) proto(p family.ProtoPackage) report.ProtoPackage {
	pos := pr.fset.Position(p.Pos)
	return report.ProtoPackage{
		Package: p.Package, Versioned: p.Versioned, File: pr.rel(pos.Filename), Line: pos.Line,
		Services: append([]string{}, p.Services...),
	}
}

// components lists the components of the analysed packages.
func (pr *program) components(pkgs []*packages.Package, pol *policy.Policy) []report.Component {
	by := map[string]*report.Component{}
	for _, p := range pkgs {
		pl := pr.resolver.Resolve(p.PkgPath)
		if pl.Component == "" {
			continue
		}
		c := by[pl.Component]
		if c == nil {
			c = &report.Component{Name: pl.Component, Criticality: string(pol.CriticalityOf(pl.Component))}
			by[pl.Component] = c
		}
		c.Packages = append(c.Packages, p.PkgPath)
		if pl.Implicit {
			c.Implicit = append(c.Implicit, p.PkgPath)
		}
	}
	for _, in := range pr.resolver.Inferred() {
		if c := by[in.Name]; c != nil {
			c.Joins = append([]string{}, in.Members...)
		}
	}
	out := make([]report.Component, 0, len(by))
	for _, c := range by {
		sort.Strings(c.Packages)
		sort.Strings(c.Implicit)
		out = append(out, *c)
	}
	return out
}
