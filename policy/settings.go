package policy

import (
	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
)

// Settings turns the policy into the plain settings analyzers receive;
// modules are the main modules of the code base, where known.
func (p *Policy) Settings(modules []string) family.Settings {
	s := family.Settings{Components: p.Specs(), Modules: modules, Roots: p.Roots}
	for id, rs := range p.Rules {
		if len(rs.Options) > 0 {
			if s.Options == nil {
				s.Options = map[string]map[string]any{}
			}
			s.Options[id] = rs.Options
		}
	}
	for _, a := range p.Allow {
		if s.Allow == nil {
			s.Allow = map[string][]string{}
		}
		s.Allow[a.From] = append(s.Allow[a.From], a.To...)
	}
	for _, c := range p.Components {
		if len(c.Public) > 0 {
			if s.Public == nil {
				s.Public = map[string][]component.Glob{}
			}
			s.Public[c.Name] = c.Public
		}
	}
	return s
}
