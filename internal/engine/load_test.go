package engine

import (
	"context"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/internal/cache"
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
	badDir := t.TempDir() // a directory no import path can name
	for name, src := range map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.24\n",
		"bad dir/b.go": "package bad\n\nimport \"database/sql\"\n\nvar DB *sql.DB\n",
		"ok/ok.go":     "package ok\n\nimport \"fmt\"\n\nvar S = fmt.Sprint()\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(badDir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(badDir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		dir      string
		patterns []string
	}{
		{badDir, []string{"./..."}},
		{"testdata/load", []string{"./h", "./nope"}},              // no such directory
		{"testdata/load", []string{"./h", "example.com/load/zz"}}, // no such package
		{"testdata/load", []string{"./..."}},
		{"testdata/load", []string{"./g"}}, // e and d are dependencies, d does not build
		{"testdata/load", []string{"./f", "./a"}},
		{"testdata/load", []string{"./h"}},
		{"testdata/load", []string{"./cyc/..."}},
		{"testdata/load", []string{"./cg"}},  // uses cgo
		{"testdata/load", []string{"./ucg"}}, // cgo packages as dependencies: cg, net, os/user
		{"testdata/facts", []string{"./d"}},
		{"testdata/depscope/app", []string{"./..."}},
	} {
		t.Run(filepath.Base(tt.dir)+" "+strings.Join(tt.patterns, " "), func(t *testing.T) {
			t.Parallel()
			dir, err := filepath.Abs(tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			want, err := packages.Load(&packages.Config{Mode: LoadMode, Dir: dir}, tt.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			var logs []string
			logf := func(format string, args ...any) { logs = append(logs, fmt.Sprintf(format, args...)) }
			// The type sizes from go env's GOARCH, as the audit has it
			// (TestLoadCgoFails asks the go command).
			o := LoadOptions{Logf: logf, GoEnv: map[string]string{"GOARCH": runtime.GOARCH}}
			got, err := LoadWith(&packages.Config{Dir: dir}, o, tt.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			// Listed by Load itself, without compiled files, and never
			// again.
			if len(logs) == 0 || !strings.HasPrefix(logs[0], "listed ") || slices.ContainsFunc(logs, func(l string) bool {
				return strings.Contains(l, "listing again")
			}) {
				t.Errorf("Load did not list the packages itself: %q", logs)
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

// TestLoadCgoFails: where cgo fails — a header that does not exist, in a
// dependency or in a matched package's import, or no C compiler — Load
// lists with packages.Load and gives what it gives: the errors where
// go/packages reports them, never a package without files and errors.
func TestLoadCgoFails(t *testing.T) {
	for _, tt := range []struct {
		dir      string
		env      []string
		patterns []string
	}{
		{"testdata/cgofail", nil, []string{"./use"}},
		{"testdata/cgofail", nil, []string{"./top"}},
		{"testdata/load", []string{"CC=/nonexistent/cc"}, []string{"./cg"}},
	} {
		t.Run(filepath.Base(tt.dir)+" "+strings.Join(tt.patterns, " "), func(t *testing.T) {
			t.Parallel()
			dir, err := filepath.Abs(tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			env := append(os.Environ(), tt.env...)
			want, err := packages.Load(&packages.Config{Mode: LoadMode, Dir: dir, Env: env}, tt.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			var logs []string
			logf := func(format string, args ...any) { logs = append(logs, fmt.Sprintf(format, args...)) }
			got, err := LoadWith(&packages.Config{Dir: dir, Env: env}, LoadOptions{Logf: logf}, tt.patterns...)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(logs, func(l string) bool { return strings.Contains(l, "listing again") }) {
				t.Errorf("cgo failed, and Load kept its own listing: %q", logs)
			}
			built := withListErrors(want)
			w, g := describeLoad(want, built), describeLoad(got, built)
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
		sizes := "none"
		if p.TypesSizes != nil {
			sizes = fmt.Sprintf("int %d uintptr %d", p.TypesSizes.Sizeof(types.Typ[types.Int]), p.TypesSizes.Sizeof(types.Typ[types.Uintptr]))
		}
		fmt.Fprintf(&b, "name %s path %s initial %v module %v sizes %s fset %v\n", p.Name, p.PkgPath, initial[p], p.Module != nil, sizes, p.Fset != nil)
		fmt.Fprintf(&b, "dir %s\n", p.Dir)
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
			if !buildError(e) {
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
				obj := scope.Lookup(name)
				fmt.Fprintf(&b, "  %s", types.ObjectString(obj, types.RelativeTo(p.Types)))
				if c, ok := obj.(*types.Const); ok {
					fmt.Fprintf(&b, " = %s", c.Val())
				}
				b.WriteString("\n")
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

// withListErrors returns the IDs of the packages with errors of building
// in them or below them.
// buildError reports whether e is an error go/packages gets from go list
// only because it builds the package for its export data: the compiler's
// output, an //go:embed pattern matching no file.
func buildError(e packages.Error) bool {
	return e.Kind == packages.ListError && (strings.HasPrefix(e.Msg, "# ") || strings.HasSuffix(e.Msg, "no matching files found"))
}

func withListErrors(roots []*packages.Package) map[string]bool {
	out := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			out[p.ID] = out[p.ID] || buildError(e)
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

// TestLoadReusesExportData: the export data files the go command gave
// for a set of dependencies are reused by the next load of the same
// dependencies and settings, which changes nothing of the result; other
// settings, a dependency whose source changed or a file gone make the
// load ask again.
func TestLoadReusesExportData(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/load")); err != nil {
		t.Fatal(err)
	}
	var logs []string
	o := LoadOptions{Cache: c, Settings: []byte("test"), Logf: func(format string, args ...any) {
		logs = append(logs, fmt.Sprintf(format, args...))
	}}
	load := func(pattern string) map[string]string {
		t.Helper()
		logs = nil
		pkgs, err := LoadWith(&packages.Config{Dir: dir}, o, pattern)
		if err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(logs, func(l string) bool { return strings.Contains(l, "listing again") }) {
			t.Errorf("%s listed again: %q", pattern, logs)
		}
		return describeLoad(pkgs, nil)
	}
	logged := func(what, log string) {
		t.Helper()
		if !slices.ContainsFunc(logs, func(l string) bool { return strings.Contains(l, log) }) {
			t.Errorf("%s: no log %q in %q", what, log, logs)
		}
	}
	same := func(what string, want, got map[string]string, log string) {
		t.Helper()
		for _, id := range sortedKeys(want, got) {
			if want[id] != got[id] {
				t.Errorf("%s: package %s:\nwithout:\n%s\nwith:\n%s", what, id, want[id], got[id])
			}
		}
		logged(what, log)
	}
	const reused, asked = "the files of the last load", "from the go command"

	want := load("./g")
	logged("first load", asked)
	same("the same dependencies", want, load("./g"), reused)
	o.Settings = []byte("other")
	same("other settings", want, load("./g"), asked)
	// The compiled files of dependencies using cgo are kept too.
	withCgo := load("./ucg")
	logged("cgo dependencies", asked)
	same("the same cgo dependencies", withCgo, load("./ucg"), reused)

	// A dependency's source changed: e's constant.
	e := "package e\n\nimport \"example.com/load/d\"\n\n// Name is d's.\nconst Name = d.Name + \"!\"\n"
	if err := os.WriteFile(filepath.Join(dir, "e", "e.go"), []byte(e), 0o644); err != nil {
		t.Fatal(err)
	}
	changed := load("./g")
	logged("a dependency changed", asked)
	if !strings.Contains(changed["example.com/load/g"], `const Name untyped string = "d!"`) {
		t.Errorf("a dependency changed: g sees\n%s", changed["example.com/load/g"])
	}

	// A file gone from the go command's cache.
	want = load("./a")
	store := newExportStore(o, &packages.Config{Dir: dir})
	k, ok := store.key(listed(t, dir, "./a"))
	if !ok {
		t.Fatal("./a's dependencies have no key")
	}
	stored, ok := store.get(k)
	files := stored.files
	if !ok || len(files) < 10 {
		t.Fatalf("export data files of ./a's dependencies: %d", len(files))
	}
	// A file not used for days is marked used, as the go command marks
	// what it uses, so that its trimming keeps it.
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(files["errors"], old, old); err != nil {
		t.Fatal(err)
	}
	if _, ok := store.get(k); !ok {
		t.Fatal("the files are gone")
	}
	if fi, err := os.Stat(files["errors"]); err != nil || time.Since(fi.ModTime()) > time.Hour {
		t.Errorf("a reused file not used for two days is not marked used (%v)", err)
	}

	files["fmt"] = filepath.Join(t.TempDir(), "gone")
	store.put(k, stored)
	same("a file gone", want, load("./a"), asked)
	same("after a file gone", want, load("./a"), reused)

	// The module copied elsewhere (a clone, a worktree): dependencies
	// outside it keep their files; those inside it moved with it (export
	// data records where declarations are), so theirs are asked for.
	moved := t.TempDir()
	if err := os.CopyFS(moved, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	dir = moved
	load("./a")
	logged("./a moved", reused)
	g := load("./g")
	logged("./g moved", asked)
	if e := g["example.com/load/e"]; !strings.Contains(e, "dir "+filepath.Join(moved, "e")) {
		t.Errorf("./g moved: e is\n%s", e)
	}
}

// listed lists pattern in dir as Load does.
func listed(t *testing.T, dir, pattern string) *loader {
	t.Helper()
	cfg := &packages.Config{Mode: listMode, Dir: dir}
	g, err := listGraph(cfg, []string{pattern}, nil)
	if err != nil {
		t.Fatalf("listing %s: %v", pattern, err)
	}
	return newLoader(context.Background(), g)
}
