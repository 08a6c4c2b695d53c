package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/internal/vettool"
	"github.com/oneway-lint/oneway/policy"
)

// commands are the CLI's commands, for help and suggestions.
var commands = []string{"audit", "history", "init", "rules", "diff", "version", "help"}

// runHelp is oneway help [COMMAND|ANALYZER]: the overview with the
// analyzers go vet runs and their flags (go vet -help sends its users
// here for them), a command's flags, or an analyzer's doc and flags, as
// unitchecker's help prints them.
func runHelp(ctx context.Context, args []string, env Env) int {
	as, err := vettool.Analyzers(nil, env.families(), env.Getenv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitUsage
	}
	slices.SortFunc(as, func(a, b *analysis.Analyzer) int { return strings.Compare(a.Name, b.Name) })
	switch {
	case len(args) == 0:
		usage(env.Stdout)
		vetHelp(env.Stdout, as)
		return ExitClean
	case len(args) > 1:
		fmt.Fprintln(env.Stderr, "usage: oneway help [COMMAND|ANALYZER]")
		return ExitUsage
	}
	name := args[0]
	if i := slices.IndexFunc(as, func(a *analysis.Analyzer) bool { return a.Name == name }); i >= 0 {
		analyzerHelp(env.Stdout, as[i])
		return ExitClean
	}
	switch name {
	case "help":
		fmt.Fprintln(env.Stdout, "usage: oneway help [COMMAND|ANALYZER]")
		return ExitClean
	case "version":
		fmt.Fprintln(env.Stdout, "usage: oneway version")
		return ExitClean
	}
	if slices.Contains(commands, name) {
		env.Stderr = env.Stdout // asked for: the usage is the output
		return Main(ctx, []string{name, "-h"}, env)
	}
	names := slices.Clone(commands)
	for _, a := range as {
		names = append(names, a.Name)
	}
	fmt.Fprintf(env.Stderr, "oneway help: no command or analyzer %q%s\n", name, policy.Suggest(name, names))
	return ExitUsage
}

// vetHelp lists the analyzers and flags of oneway under go vet.
func vetHelp(w io.Writer, as []*analysis.Analyzer) {
	fmt.Fprint(w, `
Under go vet -vettool (and in Bazel's nogo) oneway is a unit checker with
these analyzers; by default all run, -NAME runs only the named ones:

`)
	for _, a := range as {
		title, _, _ := strings.Cut(a.Doc, "\n\n")
		fmt.Fprintf(w, "    %-18s %s\n", a.Name, title)
	}
	fmt.Fprint(w, "\nFlags under go vet:\n\n")
	fs := flag.NewFlagSet("vet", flag.ContinueOnError)
	vettool.Register(fs)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, "\nAn analyzer's own flags are -NAME.FLAG: 'oneway help NAME' lists them.\n")
}

// analyzerHelp prints an analyzer's title, its flags as go vet takes
// them (-NAME.FLAG) and the rest of its doc.
func analyzerHelp(w io.Writer, a *analysis.Analyzer) {
	paras := strings.Split(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n", a.Name, paras[0])
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
	if hasFlags(fs) {
		fmt.Fprint(w, "\nAnalyzer flags (go vet -vettool=$(command -v oneway) -"+a.Name+".FLAG=VALUE):\n\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
	if len(paras) > 1 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(paras[1:], "\n\n"))
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}
