package component

import (
	"reflect"
	"strings"
	"testing"
)

// deepPath is a package path 40 segments deep, all "a".
var deepPath = strings.TrimSuffix(strings.Repeat("a/", 40), "/")

func TestGlobMatch(t *testing.T) {
	cases := []struct {
		name, pattern, path string
		want                bool
		reason              string
	}{
		{"exact", "internal/billing", "internal/billing", true, "a plain pattern names one path"},
		{"exact-no-below", "internal/billing", "internal/billing/ledger", false, "a plain pattern does not reach below"},
		{"dots-self", "internal/billing/...", "internal/billing", true, "... matches the directory itself"},
		{"dots-below", "internal/billing/...", "internal/billing/ledger/x", true, "... matches everything below"},
		{"dots-sibling-prefix", "internal/bill/...", "internal/billing", false, "segments never match by prefix"},
		{"star", "cmd/*", "cmd/shop", true, "* matches one segment"},
		{"star-not-deeper", "cmd/*", "cmd/shop/x", false, "* matches exactly one segment"},
		{"doublestar-file", "**/*_gen.go", "a/b/c_gen.go", true, "** spans directories"},
		{"doublestar-zero", "**/*_gen.go", "c_gen.go", true, "** may match no segment"},
		{"doublestar-miss", "**/*_gen.go", "a/b/c.go", false, "the last segment must still match"},
		{"root-dot", ".", "", true, ". is the module root"},
		{"root-dot-not-below", ".", "billing", false, ". is only the root"},
		{"all", "./...", "any/thing", true, "./... is everything"},
		{"all-root", "...", "", true, "... includes the root"},
		{"doublestar-middle", "internal/**/api", "internal/a/b/api", true, "** in the middle spans directories"},
		{"doublestar-middle-zero", "internal/**/api", "internal/api", true, "** in the middle may match no segment"},
		{"doublestar-middle-miss", "internal/**/api", "internal/a/b/web", false, "the segment after ** must match the last part"},
		{"doublestar-middle-retry", "a/**/b/c", "a/b/x/b/c", true, "a first b that leads nowhere is given to ** and the match resumes"},
		{"doublestar-leading", "**/api", "api", true, "leading ** may match no segment"},
		{"doublestar-leading-miss", "**/api", "api/v1", false, "leading ** does not make the tail a prefix"},
		{"doublestar-trailing", "internal/**", "internal/a/b", true, "trailing ** takes the rest of the path"},
		{"doublestar-trailing-zero", "internal/**", "internal", true, "trailing ** may match no segment, like ..."},
		{"doublestar-trailing-miss", "internal/**", "web/internal", false, "the segments before ** still anchor at the start"},
		{"doublestar-several", "**/internal/**/*_test.go", "a/internal/b/c/x_test.go", true, "each ** spans its own run of directories"},
		{"doublestar-several-miss", "**/internal/**/*_test.go", "a/b/c/x_test.go", false, "the fixed segment between two ** must appear"},
		{"doublestar-adjacent", "**/**/x", "x", true, "adjacent ** together may match no segment"},
		{"doublestar-then-dots", "**/gen/...", "a/gen/b/c", true, "** and a trailing ... combine"},
		{"doublestar-root", "**", "", true, "** alone matches the root"},
		{"doublestar-many-miss", strings.Repeat("**/", 22) + "x", deepPath, false, "22 ** against a deep path with no x: must not backtrack exponentially"},
		{"doublestar-many-match", strings.Repeat("**/", 22) + "x", deepPath + "/x", true, "22 ** against a deep path ending in x"},
		{"doublestar-many-interleaved", strings.Repeat("**/a/", 11) + "x", deepPath + "/x", true, "** between fixed segments, many times"},
		{"doublestar-many-interleaved-miss", strings.Repeat("**/a/", 11) + "**/y/x", deepPath + "/x", false, "a fixed segment that never occurs, after many **"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, err := CompileGlob(c.pattern)
			if err != nil {
				t.Fatalf("CompileGlob(%q): %v", c.pattern, err)
			}
			if got := g.Match(c.path); got != c.want {
				t.Errorf("%q.Match(%q) = %v, want %v (%s)", c.pattern, c.path, got, c.want, c.reason)
			}
		})
	}
}

// BenchmarkGlobMatchManyDoubleStars matches a pattern of 22 ** against
// a deep path it does not match, the worst case of a backtracking match.
func BenchmarkGlobMatchManyDoubleStars(b *testing.B) {
	g := MustCompileGlob(strings.Repeat("**/", 22) + "x")
	for b.Loop() {
		if g.Match(deepPath) {
			b.Fatal("matched")
		}
	}
}

func TestCompileGlobErrors(t *testing.T) {
	for _, p := range []string{"", "/abs/...", `a\b`, "a//b", "a/../b", ".../a", "a...", "a**b", "a/[x"} {
		if _, err := CompileGlob(p); err == nil {
			t.Errorf("CompileGlob(%q) succeeded, want an error", p)
		}
	}
}

func TestResolve(t *testing.T) {
	mods := []Module{{Path: "example.com/shop"}}
	specs := []Spec{
		{Name: "billing", Paths: []Glob{MustCompileGlob("billing/..."), MustCompileGlob("cmd/billing")}},
		{Name: "web", Paths: []Glob{MustCompileGlob("web/...")}},
	}
	r := NewResolver(specs, mods)
	cases := []struct {
		pkg  string
		want Placement
	}{
		{"example.com/shop/billing/ledger", Placement{Component: "billing", Module: "example.com/shop", Rel: "billing/ledger"}},
		{"example.com/shop/cmd/billing", Placement{Component: "billing", Module: "example.com/shop", Rel: "cmd/billing"}},
		{"example.com/shop/orders", Placement{Component: "orders", Module: "example.com/shop", Rel: "orders", Implicit: true}},
		{"example.com/shop", Placement{Component: "shop", Module: "example.com/shop", Rel: "", Implicit: true}},
		{"example.com/shopping/x", Placement{}},
		{"fmt", Placement{}},
	}
	for _, c := range cases {
		if got := r.Resolve(c.pkg); got != c.want {
			t.Errorf("Resolve(%q) = %+v, want %+v", c.pkg, got, c.want)
		}
	}
}

func TestDefaultsSeveralModules(t *testing.T) {
	r := NewResolver(nil, []Module{{Path: "example.com/a"}, {Path: "example.com/a/tools"}})
	got := r.Defaults([]string{"example.com/a/web", "example.com/a/web/x", "example.com/a/tools/gen", "example.com/a"})
	want := []DefaultComponent{
		{Name: "a", Patterns: []string{"example.com/a"}, Packages: 1},
		{Name: "a/web", Patterns: []string{"example.com/a/web/..."}, Packages: 2},
		{Name: "tools/gen", Patterns: []string{"example.com/a/tools/gen/..."}, Packages: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Defaults = %+v\nwant %+v", got, want)
	}
	if c := r.Component("example.com/a/tools/gen"); c != "tools/gen" {
		t.Errorf("nested module: component %q, want tools/gen (the nested module wins)", c)
	}
}

func TestDefaultsBelowContainers(t *testing.T) {
	r := NewResolver(nil, []Module{{Path: "example.com/svc"}})
	cases := map[string]string{
		"example.com/svc/internal/billing":        "internal/billing",
		"example.com/svc/internal/billing/ledger": "internal/billing",
		"example.com/svc/internal":                "internal",
		"example.com/svc/pkg/client":              "pkg/client",
		"example.com/svc/cmd/svc":                 "cmd",
		"example.com/svc/web/handlers":            "web",
	}
	for pkg, want := range cases {
		if got := r.Component(pkg); got != want {
			t.Errorf("Component(%q) = %q, want %q", pkg, got, want)
		}
	}
	got := r.Defaults([]string{"example.com/svc/internal/billing/ledger", "example.com/svc/internal/web"})
	want := []DefaultComponent{
		{Name: "internal/billing", Patterns: []string{"internal/billing/..."}, Packages: 1},
		{Name: "internal/web", Patterns: []string{"internal/web/..."}, Packages: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Defaults = %+v, want %+v", got, want)
	}
}

func TestInfer(t *testing.T) {
	specs := []Spec{{Name: "declared", Paths: []Glob{MustCompileGlob("internal/x/...")}}}
	r := NewResolver(specs, []Module{{Path: "m"}})
	imports := map[string][]string{
		// internal/api and internal/store import each other through
		// subpackages, and internal/jobs joins them through top-level
		// web: one strongly connected set below internal/.
		"m/internal/api":            {"m/internal/store", "m/internal/mail"},
		"m/internal/store/migrate":  {"m/internal/api/version"},
		"m/internal/api/version":    nil,
		"m/internal/store":          nil,
		"m/internal/jobs":           {"m/web"},
		"m/web":                     {"m/internal/api"},
		"m/internal/store/jobslink": {"m/internal/jobs"},
		// internal/mail is imported but imports nothing back.
		"m/internal/mail": {"fmt"},
		// Top-level directories that import each other stay apart.
		"m/git":        {"m/types"},
		"m/types":      {"m/git/enum"},
		"m/git/enum":   nil,
		"m/internal/x": {"m/internal/api"},
		"m/internal/y": {"m/internal/x"},
	}
	imports["m/internal/api"] = append(imports["m/internal/api"], "m/internal/y")
	in := r.Infer(imports)
	cases := map[string]string{
		"m/internal/api":           "internal",
		"m/internal/api/version":   "internal",
		"m/internal/store/migrate": "internal",
		"m/internal/jobs":          "internal",
		"m/internal/y":             "internal", // through the declared component
		"m/internal/x":             "declared", // declared: never joined
		"m/internal/mail":          "internal/mail",
		"m/web":                    "web",
		"m/git":                    "git",
		"m/types":                  "types",
	}
	for pkg, want := range cases {
		if got := in.Component(pkg); got != want {
			t.Errorf("Component(%q) = %q, want %q", pkg, got, want)
		}
	}
	want := []Inferred{{
		Name:    "internal",
		Members: []string{"internal/api", "internal/jobs", "internal/store", "internal/y"},
	}}
	if got := in.Inferred(); !reflect.DeepEqual(got, want) {
		t.Errorf("Inferred = %+v\nwant %+v", got, want)
	}
	if got := r.Component("m/internal/api"); got != "internal/api" {
		t.Errorf("Infer changed its receiver: %q", got)
	}
	defaults := in.Defaults([]string{"m/internal/api", "m/internal/store/migrate", "m/internal/mail"})
	wantDefaults := []DefaultComponent{
		{Name: "internal", Patterns: []string{"internal/api/...", "internal/store/..."}, Packages: 2},
		{Name: "internal/mail", Patterns: []string{"internal/mail/..."}, Packages: 1},
	}
	if !reflect.DeepEqual(defaults, wantDefaults) {
		t.Errorf("Defaults = %+v\nwant %+v", defaults, wantDefaults)
	}
}

func TestInferNamesApart(t *testing.T) {
	// The container's own package is a component of its own that is not
	// part of the cycle: the joined component takes another name.
	r := NewResolver(nil, []Module{{Path: "m"}})
	in := r.Infer(map[string][]string{
		"m/app":       nil,
		"m/app/a":     {"m/app/b", "m/app"},
		"m/app/b/sub": {"m/app/a"},
		"m/app/b":     nil,
	})
	if got := in.Component("m/app/a"); got != "app/*" {
		t.Errorf("Component(m/app/a) = %q, want app/*", got)
	}
	if got := in.Component("m/app"); got != "app" {
		t.Errorf("Component(m/app) = %q, want app", got)
	}
}

func TestInferRootClash(t *testing.T) {
	// Module example.com/nomad has a root package (main.go) and a
	// top-level directory nomad/: by the default rule both are named
	// "nomad"; the root package is named apart.
	r := NewResolver(nil, []Module{{Path: "example.com/nomad"}})
	in := r.Infer(map[string][]string{
		"example.com/nomad":       {"example.com/nomad/nomad"},
		"example.com/nomad/nomad": nil,
	})
	if got := in.Component("example.com/nomad"); got != RootName {
		t.Errorf("root package: %q, want %q", got, RootName)
	}
	if got := in.Component("example.com/nomad/nomad"); got != "nomad" {
		t.Errorf("nomad/: %q, want nomad", got)
	}
	if got := r.Infer(map[string][]string{"example.com/nomad": nil}).Component("example.com/nomad"); got != "nomad" {
		t.Errorf("no clash: root package %q, want nomad", got)
	}
}
