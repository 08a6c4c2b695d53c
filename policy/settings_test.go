package policy

import (
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
)

func TestSettings(t *testing.T) {
	p, err := Parse("p.yml", []byte(`version: 1
components:
  - name: billing
    paths: ["billing/..."]
    public: ["billing/api"]
  - name: web
    paths: ["web/..."]
allow:
  web: [billing]
rules:
  data.wide-table:
    max-columns: 40
`), analyzers.Rules())
	if err != nil {
		t.Fatal(err)
	}
	s := p.Settings([]string{"example.com/shop"})
	if got := s.Options["data.wide-table"]["max-columns"]; got != 40 {
		t.Errorf("option max-columns = %v, want 40", got)
	}
	if got := s.Allow["web"]; len(got) != 1 || got[0] != "billing" {
		t.Errorf("allow web = %v, want [billing]", got)
	}
	if len(s.Public["billing"]) != 1 || len(s.Components) != 2 || len(s.Modules) != 1 {
		t.Errorf("settings lost components, public globs or modules: %+v", s)
	}
}
