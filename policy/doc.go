// Package policy reads oneway's policy and turns evidence into costs.
//
// A policy is a YAML file that tells oneway about the code base it
// audits: the components the code is made of and how critical each is,
// which components may depend on which, settings for single rules
// (enable, weight, ignore, rule-specific options), the stage of the
// product, which selects a preset of the invest-now threshold and the
// cost weights, and paths to leave out. policy/example.yml shows every
// key; policy/schema.json is its JSON Schema, for editors.
//
// Policies are decoded strictly: an unknown key, a value of the wrong
// type, an unknown rule id or a bad glob is an error at its file:line:col,
// and Parse reports every problem in one go, as an Errors. Default is the
// embedded policy used when a code base has none. Finding the policy file
// of a code base is the CLI's business, not this package's: it parses the
// bytes it is given, and Load only reads the named file.
//
// # Components
//
// A package belongs to the first component, in policy order, one of
// whose paths matches it (see component.Glob). A package that matches no
// component is not dropped: the resolver places it in its default
// component, the one it would be in if the policy named no components
// (by its top-level directory; see component.Resolver), and marks the
// placement Implicit, and the audit lists such packages so that the
// policy can be completed. With no components at all, every package is
// in its default component.
//
// # Cost
//
// Score weighs a decision found by a rule:
//
//	cost = base × exposure × spread × criticality
//
// and classifies it invest-now when the cost reaches the policy's
// threshold, else cheap-later. Every factor carries its reason, so that a
// report can show the cost with its breakdown.
package policy
