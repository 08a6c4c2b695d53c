package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/policy"
)

func runRules(args []string, env Env) int {
	fs := newFlagSet("rules", env, "oneway rules [RULE]")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	var rules []finding.Rule
	for _, f := range env.families() {
		rules = append(rules, f.Rules...)
	}
	switch fs.NArg() {
	case 0:
		if len(rules) == 0 {
			fmt.Fprintln(env.Stdout, "no rules are registered")
			return ExitClean
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 8, 2, ' ', 0)
		for _, r := range rules {
			scope := ""
			if r.Global {
				scope = "(audit only)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Summary, scope)
		}
		tw.Flush()
		return ExitClean
	case 1:
		id := fs.Arg(0)
		for _, r := range rules {
			if r.ID == id {
				printRule(env, r)
				return ExitClean
			}
		}
		ids := make([]string, len(rules))
		for i, r := range rules {
			ids[i] = r.ID
		}
		fmt.Fprintf(env.Stderr, "oneway: unknown rule %q%s; 'oneway rules' lists them\n", id, policy.Suggest(id, ids))
		return ExitUsage
	}
	fs.Usage()
	return ExitUsage
}

func printRule(env Env, r finding.Rule) {
	w := env.Stdout
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "%s\n\n", strings.TrimSpace(r.Doc))
	fmt.Fprintf(w, "Default weight: %d\n", r.Weight)
	if r.Global {
		fmt.Fprintln(w, "Decided by: oneway audit (needs the whole program; go vet shows partial evidence)")
	} else {
		fmt.Fprintln(w, "Decided by: every driver (oneway audit, go vet, golangci-lint, nogo)")
	}
	fmt.Fprintf(w, "\nPolicy settings under rules.%s: enabled, weight, ignore", r.ID)
	for _, o := range r.Options {
		fmt.Fprintf(w, ", %s", o.Name)
	}
	fmt.Fprintln(w)
	for _, o := range r.Options {
		fmt.Fprintf(w, "  %s (%s, default %s): %s\n", o.Name, o.Type, o.Default, o.Doc)
	}
}
