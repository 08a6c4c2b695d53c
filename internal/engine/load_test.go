package engine

import (
	"fmt"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestLoadLikePackages: Load gives what packages.Load gives with
// LoadMode — the same graph, files, syntax, types, type information and
// errors of parsing and type-checking — for packages that type-check,
// that do not, that do not parse, that import a package that does not
// build (type-checked from source, as go/packages does) and that import
// a package that does not exist, on an import cycle; matched directly and
// as dependencies.
// Errors of building (which go/packages gets because it builds) are not
// compared: Load does not build the matched packages.
func TestLoadLikePackages(t *testing.T) {
	for _, tt := range []struct {
		dir      string
		patterns []string
	}{
		{"testdata/load", []string{"./..."}},
		{"testdata/load", []string{"./g"}}, // e and d are dependencies, d does not build
		{"testdata/load", []string{"./f", "./a"}},
		{"testdata/load", []string{"./h"}},
		{"testdata/load", []string{"./cyc/..."}},
		{"testdata/facts", []string{"./d"}},
		{"testdata/depscope/app", []string{"./..."}},
	} {
		t.Run(tt.dir+" "+strings.Join(tt.patterns, " "), func(t *testing.T) {
			t.Parallel()
			dir, err := filepath.Abs(tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			want, err := packages.Load(&packages.Config{Mode: LoadMode, Dir: dir}, tt.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Load(&packages.Config{Dir: dir}, tt.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			// go/packages' errors of building make packages ill-typed
			// (and their importers): not compared.
			built := withListErrors(want)
			w, g := describeLoad(want, built), describeLoad(got, built)
			if len(w) < 2 {
				t.Fatalf("packages.Load found %d packages: the test compares nothing", len(w))
			}
			for _, id := range sortedKeys(w, g) {
				if w[id] != g[id] {
					t.Errorf("package %s:\npackages.Load:\n%s\nLoad:\n%s", id, w[id], g[id])
				}
			}
		})
	}
}

// TestLoadBuildsNoMatchedPackage: the matched packages have no export
// data (nothing compiled them), their dependencies have.
func TestLoadBuildsNoMatchedPackage(t *testing.T) {
	pkgs, err := Load(&packages.Config{Dir: "testdata/load"}, "./g")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || pkgs[0].ExportFile != "" {
		t.Fatalf("got %d packages, the first with export data %q; want ./g without", len(pkgs), pkgs[0].ExportFile)
	}
	for path, want := range map[string]bool{"database/sql": true, "example.com/load/a": true, "example.com/load/e": false} {
		if got := pkgs[0].Imports[path].ExportFile != ""; got != want {
			t.Errorf("%s has export data: %v, want %v", path, got, want)
		}
	}
}

// describeLoad describes each package of the graph, by ID, as far as
// the two loaders must agree.
func describeLoad(roots []*packages.Package, listErrors map[string]bool) map[string]string {
	out := map[string]string{}
	initial := map[*packages.Package]bool{}
	for _, p := range roots {
		initial[p] = true
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		var b strings.Builder
		fmt.Fprintf(&b, "name %s path %s initial %v module %v sizes %v fset %v\n", p.Name, p.PkgPath, initial[p], p.Module != nil, p.TypesSizes != nil, p.Fset != nil)
		fmt.Fprintf(&b, "files %v\ncompiled %v\nother %v\nignored %v\n", base(p.GoFiles), base(p.CompiledGoFiles), base(p.OtherFiles), base(p.IgnoredFiles))
		var imports []string
		for path := range p.Imports {
			imports = append(imports, path)
		}
		sort.Strings(imports)
		fmt.Fprintf(&b, "imports %v\n", imports)
		if !initial[p] {
			fmt.Fprintf(&b, "export data %v\n", p.ExportFile != "")
		}
		for _, e := range p.Errors {
			if e.Kind != packages.ListError {
				fmt.Fprintf(&b, "error %s: %s (%d)\n", filepath.Base(e.Pos), e.Msg, e.Kind)
			}
		}
		for _, e := range p.TypeErrors {
			fmt.Fprintf(&b, "type error %s\n", e.Msg)
		}
		if !listErrors[p.ID] {
			fmt.Fprintf(&b, "ill-typed %v\n", p.IllTyped)
		}
		if p.Types != nil {
			fmt.Fprintf(&b, "types %s complete %v\n", p.Types.Path(), p.Types.Complete())
			scope := p.Types.Scope()
			for _, name := range scope.Names() {
				fmt.Fprintf(&b, "  %s\n", types.ObjectString(scope.Lookup(name), types.RelativeTo(p.Types)))
			}
		}
		fmt.Fprintf(&b, "syntax %d\n", len(p.Syntax))
		if info := p.TypesInfo; info != nil {
			fmt.Fprintf(&b, "info types %d defs %d uses %d implicits %d instances %d scopes %d selections %d versions %d\n",
				len(info.Types), len(info.Defs), len(info.Uses), len(info.Implicits), len(info.Instances), len(info.Scopes), len(info.Selections), len(info.FileVersions))
		}
		out[p.ID] = b.String()
	})
	return out
}

// withListErrors returns the IDs of the packages with errors from go
// list in them or below them.
func withListErrors(roots []*packages.Package) map[string]bool {
	out := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			out[p.ID] = out[p.ID] || e.Kind == packages.ListError
		}
		for _, ip := range p.Imports {
			out[p.ID] = out[p.ID] || out[ip.ID]
		}
	})
	return out
}

func base(files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Base(f)
	}
	return out
}

func sortedKeys(ms ...map[string]string) []string {
	var keys []string
	for _, m := range ms {
		for k := range m {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// TestLoadExpecting: a guess of the dependencies changes nothing of the
// result, right or wrong (a dependency left out, one that does not
// exist), and the dependencies to expect next time are the matched
// packages' imports.
func TestLoadExpecting(t *testing.T) {
	cfg := &packages.Config{Dir: "testdata/load"}
	first, direct, err := LoadExpecting(cfg, nil, "./g")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"database/sql", "example.com/load/a", "example.com/load/e"}; !slices.Equal(direct, want) {
		t.Fatalf("direct imports %q, want %q", direct, want)
	}
	want := describeLoad(first, nil)
	for _, guess := range [][]string{
		direct,
		{"database/sql"},
		{"example.com/load/nothere", "fmt", "example.com/load/a"},
	} {
		got, next, err := LoadExpecting(cfg, guess, "./g")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(next, direct) {
			t.Errorf("guess %q: direct imports %q, want %q", guess, next, direct)
		}
		g := describeLoad(got, nil)
		for _, id := range sortedKeys(want, g) {
			if want[id] != g[id] {
				t.Errorf("guess %q: package %s:\nwithout:\n%s\nwith:\n%s", guess, id, want[id], g[id])
			}
		}
	}
}
