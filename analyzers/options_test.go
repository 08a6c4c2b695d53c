package analyzers

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/api"
	"github.com/oneway-lint/oneway/analyzers/coupling"
	"github.com/oneway-lint/oneway/analyzers/data"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// configs are the families' configurations as their settings make them.
var configs = map[string]func(family.Settings) any{
	"api":      func(s family.Settings) any { return api.ConfigFrom(s) },
	"coupling": func(s family.Settings) any { return coupling.ConfigFrom(s) },
	"data":     func(s family.Settings) any { return data.ConfigFrom(s) },
}

// TestOptionsRead checks that every option a rule declares (and the
// policy therefore accepts) is read by its family's configuration: set
// alone to a value other than its default, it changes the configuration.
// An option the policy accepts and nothing reads would be a setting that
// silently does nothing.
func TestOptionsRead(t *testing.T) {
	for _, f := range Families() {
		cfg, ok := configs[f.Name]
		if !ok {
			t.Errorf("family %s: no configuration listed in configs", f.Name)
			continue
		}
		base := cfg(family.Settings{})
		for _, r := range f.Rules {
			for _, o := range r.Options {
				v, err := otherThanDefault(o)
				if err != nil {
					t.Errorf("%s option %s: %v", r.ID, o.Name, err)
					continue
				}
				s := family.Settings{Options: map[string]map[string]any{r.ID: {o.Name: v}}}
				if reflect.DeepEqual(cfg(s), base) {
					t.Errorf("%s option %s = %v: the %s configuration does not change; nothing reads the option", r.ID, o.Name, v, f.Name)
				}
			}
		}
	}
}

// otherThanDefault returns a value of the option's type that differs
// from its default, decoded as the policy decodes it.
func otherThanDefault(o finding.Option) (any, error) {
	switch o.Type {
	case finding.OptionInt:
		n, err := strconv.Atoi(o.Default)
		if err != nil {
			return nil, err
		}
		return n + 7, nil
	case finding.OptionBool:
		b, err := strconv.ParseBool(o.Default)
		if err != nil {
			return nil, err
		}
		return !b, nil
	case finding.OptionString:
		if o.Name == "strategy" {
			if o.Default == "host" {
				return "path", nil
			}
			return "host", nil
		}
		return "^ver[0-9]+$", nil // a valid pattern, unlike any default
	case finding.OptionStrings:
		return []string{"/options-test/**"}, nil
	}
	return nil, nil
}
