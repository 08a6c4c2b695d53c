package routes

import (
	"go/token"
	"path/filepath"
	"testing"
)

// TestPosFinder: a site finds its file by package and base name among
// the file set's files, only where the file's lines hold it, and not at
// all when two files fit equally well.
func TestPosFinder(t *testing.T) {
	src := []byte("package api\n\nfunc Routes() {\n\tmux.Handle(\"/\", h)\n}\n")
	other := []byte("package api\n\n// other\n")
	fset := token.NewFileSet()
	add := func(name string, data []byte) *token.File {
		f := fset.AddFile(filepath.FromSlash(name), -1, len(data))
		f.SetLinesForContent(data)
		return f
	}
	// Export data knows a file's name and lines, not their lengths.
	fake := fset.AddFile(filepath.FromSlash("/src/shop/api/routes.go"), -1, 1<<16)
	parsed := add("/src/shop/api/routes.go", src)
	add("/src/shop/web/api/routes.go", other)             // same tail, lines that do not hold the site
	add("/mod/example.com/lib@v1.0.0/api/routes.go", src) // same lines, a shorter tail
	add("/src/shop/api/handlers.go", src)

	site := Site{Package: "example.com/shop/api", File: "routes.go", Line: 4, Column: 2, Offset: 30}
	got, ok := newPosFinder(fset).find(site)
	if !ok || fset.File(got) != parsed || got != parsed.Pos(30) {
		t.Errorf("find(%+v) = %v (%s), %v; want offset 30 of the parsed /src/shop/api/routes.go", site, got, fset.Position(got), ok)
	}
	if fset.File(got) == fake {
		t.Error("found in export data's stand-in for the file")
	}

	// Two packages' files of one name, both holding the site, with tails
	// of one length: neither.
	add("/vendor/x/api/routes.go", src)
	amb := Site{Package: "example.com/other/api", File: "routes.go", Line: 4, Column: 2, Offset: 30}
	if got, ok := newPosFinder(fset).find(amb); ok {
		t.Errorf("find(%+v) = %s, want none: two files fit as well", amb, fset.Position(got))
	}

	// One file parsed twice (a package and its test variant): the same place.
	twice := token.NewFileSet()
	for range 2 {
		f := twice.AddFile("/src/shop/api/routes.go", -1, len(src))
		f.SetLinesForContent(src)
	}
	if _, ok := newPosFinder(twice).find(site); !ok {
		t.Errorf("find(%+v) in a file parsed twice: not found", site)
	}
	if _, ok := newPosFinder(fset).find(Site{Package: site.Package, File: "routes.go", Line: 4, Column: 3, Offset: 30}); ok {
		t.Error("found a site whose column its file's lines do not hold")
	}
}

func TestCommonTail(t *testing.T) {
	for _, c := range []struct {
		dir, pkg string
		want     int
	}{
		{"/src/shop/api", "example.com/shop/api", 2},
		{"/src/shop/api", "example.com/shop/api_test", 2},
		{"/tmp/checkout", "example.com/shop", 0},
		{"/mod/example.com/shop@v1.2.0/api", "example.com/shop/api", 1},
		{"/src/example.com/shop/api", "example.com/shop/api", 3},
		{"/", "example.com", 0},
	} {
		if got := commonTail(filepath.FromSlash(c.dir), c.pkg); got != c.want {
			t.Errorf("commonTail(%q, %q) = %d, want %d", c.dir, c.pkg, got, c.want)
		}
	}
}
