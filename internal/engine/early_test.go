package engine

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/cache"
)

// TestEarlyWarmCache: Early's work on dependencies some of whose facts
// are cached (a load of other patterns computed them) gives the
// checker's results: the entries it finds are given to its own types,
// and kept for the loader's.
func TestEarlyWarmCache(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the fixtures' dependencies from source")
	}
	as := append(analyzers.Analyzers(), probe)
	for _, tt := range []struct{ dir, warm, pattern string }{
		{"testdata/facts", "./c", "./d"},
		{"testdata/facts", "./b", "./d"},
	} {
		dir, err := filepath.Abs(tt.dir)
		if err != nil {
			t.Fatal(err)
		}
		want := checkerOutcome(t, as, dir, []string{tt.pattern})
		c, err := cache.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		engineOutcome(t, as, dir, []string{tt.warm}, c)
		e, pkgs, worked := loadEarly(t, as, dir, []string{tt.pattern}, c, nil)
		if !worked || e.stats.hits.Load() == 0 || e.stats.misses.Load() == 0 {
			t.Fatalf("%s %s after %s: Early worked %v with %d entries found and %d computed; the case needs both", tt.dir, tt.pattern, tt.warm, worked, e.stats.hits.Load(), e.stats.misses.Load())
		}
		if got := outcomeOf(t, e, as, dir, pkgs); !reflect.DeepEqual(got, want) {
			for _, d := range diffLines(got, want) {
				t.Errorf("%s %s after %s: %s", tt.dir, tt.pattern, tt.warm, d)
			}
		}
	}
}

// TestEarlyUnreadable: when a dependency's export data cannot be read,
// that package alone is unreadable; the packages above it are read, as
// the loader's types would be, and their facts reach the analysed
// package (d sees c.C's fact; c imports a only through b). Before, every
// package above was left unread, and c did not type-check.
func TestEarlyUnreadable(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the fixtures' dependencies from source")
	}
	as := append(analyzers.Analyzers(), probe)
	dir, err := filepath.Abs("testdata/facts")
	if err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(t.TempDir(), "gone")
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e, pkgs, worked := loadEarly(t, as, dir, []string{"./d"}, c, func(p *packages.Package) {
		if p.PkgPath == "example.com/facts/a" {
			p.ExportFile = gone
		}
	})
	if !worked {
		t.Fatal("Early did not work")
	}
	got := outcomeOf(t, e, as, dir, pkgs)
	if u := e.Unreadable(); len(u) != 1 || !strings.HasPrefix(u[0], "example.com/facts/a: ") {
		t.Errorf("unreadable: %q, want example.com/facts/a alone", u)
	}
	// The fact's count of facts seen differs from a run that reads a
	// (c sees fewer of a's): its presence is what counts.
	if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, "d/d.go:7:25: uses C with fact C/") }) {
		t.Errorf("d does not see c.C's fact; got:\n%s", strings.Join(got, "\n"))
	}
}
