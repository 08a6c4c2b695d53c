// Package cli implements the oneway command: audit, init, rules and
// version. The main package only hands it the arguments and the process
// streams and exits with the code it returns.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/engine"
	"github.com/oneway-lint/oneway/policy"
)

// Exit codes.
const (
	ExitClean    = 0 // no (new) invest-now decisions
	ExitInvest   = 1 // invest-now decisions
	ExitUsage    = 2 // usage or policy error
	ExitAnalysis = 3 // the code could not be analysed
)

// Env is what a command sees of its process.
type Env struct {
	Stdout, Stderr io.Writer
	Dir            string              // the working directory
	Getenv         func(string) string // the environment
	IsTerminal     func(w io.Writer) bool
	Families       []family.Family // the rule families; nil means analyzers.Families()
	// OnExit, if not nil, registers f to run should the process be ended
	// (by a second interrupt) while f's work is pending, and returns a
	// function that unregisters it. Commands register what they must not
	// leave behind, such as a temporary work tree.
	OnExit func(f func()) (unregister func())
	// Executable identifies oneway's code in cache keys
	// (engine.ExecutableKey); nil: Main hashes the running executable
	// once, when an audit first needs it. A process that runs Main more
	// than once passes one memoized function.
	Executable func() []byte
}

func (e *Env) families() []family.Family {
	if e.Families != nil {
		return e.Families
	}
	return analyzers.Families()
}

// Main runs the oneway command with args (without the program name)
// and returns the exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.IsTerminal == nil {
		env.IsTerminal = func(io.Writer) bool { return false }
	}
	if env.Executable == nil {
		env.Executable = sync.OnceValue(engine.ExecutableKey)
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "audit":
		return runAudit(ctx, rest, env)
	case "init":
		return runInit(ctx, rest, env)
	case "rules":
		return runRules(rest, env)
	case "diff":
		return runDiff(rest, env)
	case "history":
		return runHistory(ctx, rest, env)
	case "version", "-version", "--version":
		bi, _ := debug.ReadBuildInfo()
		fmt.Fprintln(env.Stdout, versionText(bi, runtime.GOOS, runtime.GOARCH))
		return ExitClean
	case "help":
		return runHelp(ctx, rest, env)
	case "-h", "-help", "--help":
		usage(env.Stdout)
		return ExitClean
	}
	fmt.Fprintf(env.Stderr, "oneway: unknown command %q%s\n\n", cmd, policy.Suggest(cmd, commands))
	usage(env.Stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `oneway finds the one-way doors in a Go code base: design decisions that get
more expensive to reverse with every commit, sorted into invest-now and
cheap-to-change-later by a YAML policy.

Usage:
  oneway audit [-C DIR] [-policy FILE] [-format FORMAT] [-o FILE] [-v|-q]
               [-baseline FILE | -new-from-rev REV | -new-from-merge-base REV]
               [-show-known] [-write-baseline FILE] [-skip-broken] [-history] [-no-cache]
               [packages]
               FORMAT: text, json, sarif, github, markdown, html, dot,
                       checkstyle, junit, gitlab
  oneway history [-C DIR] [-policy FILE] [-format FORMAT] [-o FILE] [-q]
                 [-since PERIOD] [-step PERIOD] [-revs N] [-history] [-no-cache] [packages]
                                     audit past revisions: which decisions grow
  oneway init [-C DIR] [-force] [-o FILE] [packages]
                                     write a starter .oneway.yml
  oneway rules [RULE]                list the rules, or show one
  oneway diff [-format text|markdown] OLD.json NEW.json
                                     compare two JSON audits
  oneway version
  oneway help [COMMAND|ANALYZER]     this, with the analyzers go vet runs
  go vet -vettool=$(command -v oneway) [-policy FILE] [-invest-now-only] ./...

Exit codes: 0 no invest-now decisions, 1 some, 2 usage or policy error,
3 a package could not be analysed (see -skip-broken) or the audit was
interrupted.
`)
}

// Version is oneway's version: the module version it was built at, or
// "(devel)" for a build from a checkout.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// versionText is what oneway version prints: the module version, the
// version control revision it was built from (and whether the tree had
// changes), when it was committed, and the Go that built it, as
// golangci-lint version says them. bi is nil when the binary carries no
// build information.
func versionText(bi *debug.BuildInfo, goos, goarch string) string {
	if bi == nil {
		return "oneway (devel), no build information"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	text := "oneway " + v
	if rev := settings["vcs.revision"]; rev != "" {
		text += ", revision " + rev
		if settings["vcs.modified"] == "true" {
			text += " (modified)"
		}
		if t := settings["vcs.time"]; t != "" {
			text += ", committed " + t
		}
	}
	return text + ", built with " + bi.GoVersion + " for " + goos + "/" + goarch
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, env Env, usageLine string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: %s\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, flags anywhere among the package patterns
// (oneway audit ./... -format json), as golangci-lint takes them; after
// "--" everything is a pattern. It returns false and the exit code when
// the command should stop (bad flags, or -h). fs.Args() are then the
// patterns, in order.
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	var patterns []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return ExitClean, false
			}
			return ExitUsage, false
		}
		rest := fs.Args()
		if len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			patterns = append(patterns, rest...) // fs.Parse stopped at "--"
			break
		}
		i := 0
		for i < len(rest) && (!strings.HasPrefix(rest[i], "-") || rest[i] == "-") {
			i++
		}
		patterns = append(patterns, rest[:i]...)
		if i == len(rest) {
			break
		}
		if rest[i] == "--" {
			patterns = append(patterns, rest[i+1:]...)
			break
		}
		args = rest[i:]
	}
	// Leave fs.Args() as the patterns: flags parsed so far keep their values.
	if err := fs.Parse(append([]string{"--"}, patterns...)); err != nil {
		return ExitUsage, false
	}
	return 0, true
}

// chdirFlag adds -C, which runs a command in another directory.
func chdirFlag(fs *flag.FlagSet) *string {
	return fs.String("C", "", "run in this directory (as go -C does)")
}

// applyChdir moves env to the -C directory, which must exist.
func applyChdir(env *Env, dir string) (int, bool) {
	if dir == "" {
		return 0, true
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(env.Dir, dir)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintf(env.Stderr, "oneway: -C %s: not a directory\n", dir)
		return ExitUsage, false
	}
	env.Dir = dir
	return 0, true
}
