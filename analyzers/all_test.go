package analyzers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// TestRegistry checks that every family, analyzer and rule is listed
// well: valid analyzers, unique well-formed rule ids under their
// family's prefix, documentation, fixtures, and stable default values.
func TestRegistry(t *testing.T) {
	fams := Families()
	ids := map[string]bool{}
	for _, f := range fams {
		if f.New == nil {
			t.Errorf("family %s has no New", f.Name)
			continue
		}
		as := f.New(family.Settings{})
		if err := analysis.Validate(as); err != nil {
			t.Errorf("family %s: %v", f.Name, err)
		}
		again := f.New(family.Settings{})
		for i := range as {
			if i >= len(again) || as[i] != again[i] {
				t.Errorf("family %s: New(Settings{}) returns new analyzer values on each call; drivers such as nogo need the package's default values", f.Name)
				break
			}
		}
		docs := familyDocs(t, f.Name)
		if _, err := os.Stat(filepath.Join(f.Name, "testdata", "src")); err != nil {
			t.Errorf("family %s has no fixtures under %s/testdata/src", f.Name, f.Name)
		}
		for _, a := range as {
			if !strings.Contains(docs, "# Analyzer "+a.Name) {
				t.Errorf("analyzer %s is not documented: no doc.go under %s/ has a '# Analyzer %s' section", a.Name, f.Name, a.Name)
			}
		}
		for _, r := range f.Rules {
			checkRule(t, f.Name, r)
			if ids[r.ID] {
				t.Errorf("rule %s is listed twice", r.ID)
			}
			ids[r.ID] = true
		}
	}
	for _, r := range Rules() {
		if got, ok := Lookup(r.ID); !ok || got.ID != r.ID {
			t.Errorf("Lookup(%q) does not find the rule", r.ID)
		}
	}
}

func checkRule(t *testing.T, fam string, r finding.Rule) {
	t.Helper()
	if !finding.ValidID(r.ID) || finding.Family(r.ID) != fam {
		t.Errorf("rule id %q is not of the form %s.name", r.ID, fam)
	}
	if r.Title == "" || r.Doc == "" {
		t.Errorf("rule %s lacks a title or doc", r.ID)
	}
	if r.Summary == "" || strings.HasSuffix(r.Summary, ".") || unicode.IsUpper([]rune(r.Summary)[0]) {
		t.Errorf("rule %s: summary %q must be one lower-case line without a trailing period", r.ID, r.Summary)
	}
	if r.Weight < 1 {
		t.Errorf("rule %s: weight %d, want ≥ 1", r.ID, r.Weight)
	}
	for _, o := range r.Options {
		switch o.Type {
		case finding.OptionInt, finding.OptionString, finding.OptionStrings, finding.OptionBool:
		default:
			t.Errorf("rule %s: option %s has unknown type %q", r.ID, o.Name, o.Type)
		}
		if o.Name == "" || o.Doc == "" {
			t.Errorf("rule %s: option %q lacks a name or doc", r.ID, o.Name)
		}
	}
}

// familyDocs returns the text of every doc.go in a family's directory tree.
func familyDocs(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.Name() == "doc.go" {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading the docs of family %s: %v", dir, err)
	}
	return b.String()
}
