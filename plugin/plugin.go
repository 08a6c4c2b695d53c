// Package plugin registers oneway as a golangci-lint v2 module plugin.
//
// Build a golangci-lint with it (.custom-gcl.yml):
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/oneway-lint/oneway
//	    import: github.com/oneway-lint/oneway/plugin
//	    version: latest
//
// and enable it (.golangci.yml):
//
//	linters:
//	  enable: [oneway]
//	  settings:
//	    custom:
//	      oneway:
//	        type: module
//	        settings:
//	          policy: .oneway.yml      # optional: else .oneway.yml is found as oneway finds it
//	          stage: scale             # optional: any top-level policy key, overriding the file's
//
// golangci-lint folds every analyzer of a plugin into one linter, so each
// message ends with its rule id, class and cost. Whole-program rules
// (cycles, shared tables) show the evidence one package has; oneway audit
// decides them.
package plugin

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"gopkg.in/yaml.v3"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/policyfile"
	"github.com/oneway-lint/oneway/internal/scored"
	"github.com/oneway-lint/oneway/policy"
)

// golangci-lint's plugin system finds plugins through this registration,
// made when its custom build imports the package.
func init() { //nolint:gochecknoinits // the plugin-module-register protocol works by registration in init
	register.Plugin("oneway", New)
}

// Plugin is oneway as a golangci-lint linter.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// New builds the plugin from its settings: "policy" names a policy file;
// any other key is a top-level policy key that overrides the file's.
func New(settings any) (register.LinterPlugin, error) {
	pol, err := Policy(settings, analyzers.Families())
	if err != nil {
		return nil, err
	}
	return &Plugin{analyzers: scored.Analyzers(pol, analyzers.Families(), scored.RelatedInMessage())}, nil
}

// BuildAnalyzers implements register.LinterPlugin.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode implements register.LinterPlugin: the analyzers need types.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// Policy reads the policy the settings describe, validated as strictly
// as a policy file: the file named by "policy" (else the one oneway
// discovers from the working directory, else the embedded default), with
// the other keys laid over its top level.
func Policy(settings any, fams []family.Family) (*policy.Policy, error) {
	const where = "linters.settings.custom.oneway.settings"
	raw := map[string]any{}
	switch s := settings.(type) {
	case nil:
	case map[string]any:
		raw = s
	default:
		return nil, fmt.Errorf("%s: expected a mapping, got %T", where, settings)
	}
	path := ""
	if v, ok := raw["policy"]; ok {
		p, isString := v.(string)
		if !isString || p == "" {
			return nil, fmt.Errorf("%s.policy: expected the path of a policy file", where)
		}
		path = p
	}
	inline := map[string]any{}
	for k, v := range raw {
		if k != "policy" {
			inline[k] = v
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	src := policyfile.Choose(path, wd)
	if len(inline) == 0 {
		pol, err := src.Load(family.Rules(fams))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		return pol, nil
	}

	doc := map[string]any{"version": 1}
	name := where
	if src.Path != "" {
		data, err := src.Bytes()
		if err != nil {
			return nil, fmt.Errorf("%s.policy: %w", where, err)
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s.policy: %s: %w", where, src.Path, err)
		}
		name = src.Path + " with " + where
	}
	keys := make([]string, 0, len(inline))
	for k := range inline {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		doc[k] = inline[k]
	}
	data, err := yaml.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	pol, err := policy.Parse(name, data, family.Rules(fams))
	if err != nil {
		return nil, fmt.Errorf("oneway settings (keys %s): %w", strings.Join(keys, ", "), err)
	}
	return pol, nil
}
