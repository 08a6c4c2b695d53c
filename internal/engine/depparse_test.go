package engine

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/cache"
)

// TestBlankLongLiterals: interpreted string literals of at least the
// length asked read as "" and spaces; shorter ones, raw strings, and
// quotes in comments or rune literals are left as they are; every other
// token keeps its offset, and the source still scans.
func TestBlankLongLiterals(t *testing.T) {
	const minLen = 12 // bytes, quotes included
	for _, tt := range []struct{ name, src, want string }{
		{"long", `x := "abcdefghijkl" + "abc"`, `x := ""             + "abc"`},
		{"exactly as long", `x := "abcdefghij"`, `x := ""          `},
		{"one byte shorter", `x := "abcdefghi"`, `x := "abcdefghi"`},
		{"first in the file", `"abcdefghijkl"`, `""            `},
		{"escaped quote", `x := "ab\"cdefghijkl"; y`, `x := ""              ; y`},
		{"escaped backslash ends it", `x := "ab\\", "cdefghijklmn"`, `x := "ab\\", ""            `},
		{"line comment", "// \"abcdefghijklmn\"\nx := \"abcdefghijklmn\"", "// \"abcdefghijklmn\"\nx := \"\"              "},
		{"crlf", "// \"abcdefghijklmn\"\r\nx := \"abcdefghijklmn\"\r\n", "// \"abcdefghijklmn\"\r\nx := \"\"              \r\n"},
		{"block comment", `/* "abcdefghijklmn" */ x`, `/* "abcdefghijklmn" */ x`},
		{"after a block comment", `/* " */ x := "abcdefghijklmn"`, `/* " */ x := ""              `},
		{"raw string", "x := `\"abcdefghijklmn\"`", "x := `\"abcdefghijklmn\"`"},
		{"raw string with a line break", "x := `ab\ncdefghijklmn`", "x := `ab\ncdefghijklmn`"},
		{"rune of a quote", `r, s := '"', "abcdefghijklmn"`, `r, s := '"', ""              `},
		{"escaped rune", `r, s := '\'', "abcdefghijklmn"`, `r, s := '\'', ""              `},
		{"division", `x := a / b; y := "abcdefghijklmn"`, `x := a / b; y := ""              `},
		{"not closed on its line", "x := \"abcdefghijklmn\n\"abcdefghijklmn\"", "x := \"abcdefghijklmn\n\"abcdefghijklmn\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			blanked := blankLongLiterals(src, minLen)
			if string(src) != tt.want {
				t.Errorf("blankLongLiterals(%q) = %q, want %q", tt.src, src, tt.want)
			}
			if blanked != (tt.want != tt.src) {
				t.Errorf("blankLongLiterals(%q) reports %v", tt.src, blanked)
			}
		})
	}

	// A file: the tokens but the long literal at the same offsets.
	src := "package p\n\n// A \"comment\".\nvar Page = []byte(\"" + strings.Repeat(`\x41\"`, 100) + "\"); var Name = \"short\"\n\nfunc F() string { return `raw` + \"x\" }\n"
	blanked := []byte(src)
	blankLongLiterals(blanked, 64)
	orig, got := scanAll(t, []byte(src)), scanAll(t, blanked)
	if len(orig) != len(got) {
		t.Fatalf("%d tokens blanked, %d before", len(got), len(orig))
	}
	long := 0
	for i := range orig {
		if orig[i].tok == token.STRING && len(orig[i].lit) >= 64 {
			long++
			if got[i].lit != `""` || got[i].pos != orig[i].pos {
				t.Errorf("the long literal reads %q at %d, want \"\" at %d", got[i].lit, got[i].pos, orig[i].pos)
			}
			continue
		}
		if got[i] != orig[i] {
			t.Errorf("token %d: %+v, want %+v", i, got[i], orig[i])
		}
	}
	if long != 1 {
		t.Errorf("%d long literals, want 1", long)
	}
}

type scanned struct {
	pos token.Pos
	tok token.Token
	lit string
}

func scanAll(t *testing.T, src []byte) []scanned {
	t.Helper()
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("p.go", -1, len(src)), src, func(pos token.Position, msg string) { t.Errorf("%s: %s", pos, msg) }, scanner.ScanComments)
	var out []scanned
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		out = append(out, scanned{pos, tok, lit})
	}
}

// TestDifferentialLongLiteral: a dependency embedding a file as a
// string literal longer than minBlankedLiteral, with its route
// registered after it on the same line, has the facts (with their
// sites: line, column, offset) the checker gives reading the literal
// whole; and so has one that literals read as "" would make ill-typed
// (two of them keys of one map), parsed again as written.
func TestDifferentialLongLiteral(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a module with net/http from source")
	}
	t.Parallel()
	bundle := strings.Repeat(`\x2f\x2a\"`, minBlankedLiteral/8)
	assets := "package lib\n\nimport \"net/http\"\n\n" +
		"var bundle = \"" + bundle + "\"; func Assets(mux *http.ServeMux) { mux.HandleFunc(\"GET /widgets\", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(bundle)) }) }\n"
	keys := "package lib\n\nvar files = map[string]int{\"" + bundle + "\": 1, \"" + bundle + "x\": 2}\n"
	for _, tt := range []struct {
		name  string
		files map[string]string
	}{
		{"blanked", map[string]string{"assets.go": assets}},
		{"ill-typed once blanked", map[string]string{"assets.go": assets, "keys.go": keys}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			differentialLib(t, tt.files)
		})
	}
}

// differentialLib compares the facts of the depfacts fixture's lib,
// with files added to it and its route registration called by app,
// computed by the engine before app is type-checked, with the
// checker's.
func differentialLib(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	src := "../audit/testdata/depfacts"
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		writeFile(t, filepath.Join(dir, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, "lib", name), content)
	}
	app := filepath.Join(dir, "app", "app.go")
	data, err := os.ReadFile(app)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, app, strings.Replace(string(data), "lib.Register(mux)", "lib.Register(mux)\n\tlib.Assets(mux)", 1))

	as := analyzers.Analyzers()
	const lib = "example.com/depfacts/lib"
	var want []string
	g, _ := checkerGraph(t, as, dir, []string{"./app"})
	for act := range g.All() {
		if act.Package.PkgPath == lib {
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() == act.Package.Types && owns(act.Analyzer, f.Fact) {
					want = append(want, libFact(f.Object, f.Fact))
				}
			}
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if !slices.ContainsFunc(want, func(l string) bool { return strings.Contains(l, `"File":"assets.go","Line":5,`) }) {
		t.Fatalf("no fact of lib places a route after the literal:\n%s", strings.Join(want, "\n"))
	}

	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e, _, worked := loadEarly(t, as, dir, []string{"./app"}, c, nil)
	if !worked {
		t.Fatal("the dependencies' facts were not computed before the matched packages were type-checked")
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range e.units {
		if u.pkg.PkgPath == lib {
			for k, f := range u.facts.obj {
				got = append(got, libFact(k.obj, f))
			}
		}
	}
	slices.Sort(got)
	for _, d := range diffLines(got, want) {
		t.Error(d)
	}
	// The file set keeps lib's files its facts place routes in, as a
	// cached entry would give it (see dropFiles), and no other (the
	// export data's stand-ins for its files, of other sizes, aside).
	var kept []string
	e.fset.Iterate(func(f *token.File) bool {
		if fi, err := os.Stat(f.Name()); err == nil && filepath.Dir(f.Name()) == filepath.Join(dir, "lib") && int64(f.Size()) == fi.Size() {
			kept = append(kept, filepath.Base(f.Name()))
		}
		return true
	})
	slices.Sort(kept)
	if want := []string{"assets.go", "http.go"}; !slices.Equal(kept, want) {
		t.Errorf("lib's files in the file set: %q, want %q", kept, want)
	}
}

// libFact renders a fact of a dependency's object, without the object's
// position: the checker has it from source, the engine from export data.
func libFact(obj types.Object, f analysis.Fact) string {
	return fmt.Sprintf("%s: %T %s", types.ObjectString(obj, (*types.Package).Name), f, asJSON(f))
}

// TestParseHeaderComments: a dependency's files are parsed with the
// comments before their package clause alone — what ast.IsGenerated
// reads, in the order written — and the Go version of their build
// constraint; the tree is the parse with every comment's but for them.
func TestParseHeaderComments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gen := writeFile(t, filepath.Join(dir, "gen.go"), "// Code generated by x. DO NOT EDIT.\n\n//go:build go1.23\n\n/* Package p. */\npackage p // p\n\n// F is a function.\nfunc F() {} // F\n")
	own := writeFile(t, filepath.Join(dir, "own.go"), "package p\n\n// Code generated by x. DO NOT EDIT.\n\nvar V = 1\n")
	e := &Engine{fset: token.NewFileSet()}
	files, errs, _ := e.parse(&packages.Package{CompiledGoFiles: []string{gen, own}}, true)
	if len(errs) != 0 || len(files) != 2 {
		t.Fatalf("parse: %d files, errors %v", len(files), errs)
	}
	var got []string
	for _, g := range files[0].Comments {
		for _, c := range g.List {
			got = append(got, c.Text)
		}
	}
	want := []string{"// Code generated by x. DO NOT EDIT.", "//go:build go1.23", "/* Package p. */"}
	if !slices.Equal(got, want) {
		t.Errorf("gen.go's comments %q, want %q", got, want)
	}
	if !ast.IsGenerated(files[0]) || ast.IsGenerated(files[1]) || len(files[1].Comments) != 0 {
		t.Errorf("generated: gen.go %v, own.go %v (%d comments); want true, false (none)", ast.IsGenerated(files[0]), ast.IsGenerated(files[1]), len(files[1].Comments))
	}
	if files[0].GoVersion != "go1.23" || files[1].GoVersion != "" {
		t.Errorf("Go versions %q and %q, want go1.23 and none", files[0].GoVersion, files[1].GoVersion)
	}
	for i, name := range []string{gen, own} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		full, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := printed(t, e.fset, files[i]), printed(t, fset, stripComments(full)); got != want {
			t.Errorf("%s parsed:\n%s\nwant:\n%s", filepath.Base(name), got, want)
		}
	}
}

// stripComments drops f's comments, doc and line comments too.
func stripComments(f *ast.File) *ast.File {
	f.Comments, f.Doc = nil, nil
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			n.Doc = nil
		case *ast.GenDecl:
			n.Doc = nil
		case *ast.ValueSpec:
			n.Doc, n.Comment = nil, nil
		}
		return true
	})
	return f
}

// printed is f as go/printer writes it, its comments left out.
func printed(t *testing.T, fset *token.FileSet, f *ast.File) string {
	t.Helper()
	c := *f
	c.Comments = nil
	var b strings.Builder
	if err := printer.Fprint(&b, fset, &c); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
