package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/atomicfile"
	"github.com/oneway-lint/oneway/internal/audit"
	"github.com/oneway-lint/oneway/internal/cache"
	"github.com/oneway-lint/oneway/internal/gitrev"
	"github.com/oneway-lint/oneway/internal/policyfile"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// auditFlags are the flags of oneway audit.
type auditFlags struct {
	policy, format, out          string
	verbose, quiet, noCache      bool
	skipBroken, showKnown        bool
	history                      bool
	baseline, writeBaseline      string
	newFromRev, newFromMergeBase string
}

func runAudit(ctx context.Context, args []string, env Env) int {
	fs := newFlagSet("audit", env, "oneway audit [flags] [packages]")
	var f auditFlags
	fs.StringVar(&f.policy, "policy", "", "policy file (default: $ONEWAY_POLICY, else .oneway.yml found upward to the module root, else the embedded default)")
	fs.StringVar(&f.format, "format", "text", "output format: "+formatNames())
	fs.StringVar(&f.out, "o", "", "write the report to this file (atomically; - for standard output) instead of standard output")
	fs.BoolVar(&f.verbose, "v", false, "say which policy is used and what is analysed")
	fs.BoolVar(&f.quiet, "q", false, "print no progress on a terminal")
	fs.BoolVar(&f.skipBroken, "skip-broken", false, "report packages that do not type-check (or lack a dependency) as problems without failing the run: the exit code is the decisions'")
	fs.BoolVar(&f.showKnown, "show-known", false, "with -baseline, -new-from-rev or -new-from-merge-base, list the known decisions too (text format; they are counted in one line otherwise)")
	fs.BoolVar(&f.history, "history", false, "read the change log of the year before HEAD (git): report components that change together without a dependency (coupling.change-coupling), and say on coupling decisions how often the two sides changed together")
	fs.BoolVar(&f.noCache, "no-cache", false, "do not use or fill oneway's cache ($ONEWAY_CACHE, else oneway in the user cache directory)")
	fs.StringVar(&f.baseline, "baseline", "", "fail only on decisions not recorded in this baseline file")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record the decisions in this baseline file (atomically)")
	fs.StringVar(&f.newFromRev, "new-from-rev", "", "fail only on decisions that the code at this git revision does not have")
	fs.StringVar(&f.newFromMergeBase, "new-from-merge-base", "", "like -new-from-rev, at the merge base of this revision and HEAD")
	chdir := chdirFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if code, ok := applyChdir(&env, *chdir); !ok {
		return code
	}
	render, err := renderer(f.format, env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitUsage
	}
	if n := countSet(f.baseline, f.newFromRev, f.newFromMergeBase); n > 1 {
		fmt.Fprintln(env.Stderr, "oneway: -baseline, -new-from-rev and -new-from-merge-base exclude each other")
		return ExitUsage
	}

	pol, src, err := choosePolicy(env, f.policy)
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	if f.out == "-" {
		f.out = ""
	}
	if err := checkOutputs(env, f, src.Path); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitUsage
	}
	old, err := readBaseline(env, f.baseline)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitUsage
	}
	if f.history {
		if _, err := gitrev.Toplevel(ctx, env.Dir); err != nil {
			fmt.Fprintf(env.Stderr, "oneway: -history reads the change log from git: %v\n", err)
			return ExitUsage
		}
	}
	opts := audit.Options{
		Dir:        env.Dir,
		Patterns:   fs.Args(),
		Policy:     pol,
		PolicyFile: src.Path,
		Families:   env.families(),
		Version:    Version(),
		Executable: env.Executable,
		History:    f.history,
	}
	if !f.noCache {
		opts.CacheDir = cacheDir(env)
	}
	switch {
	case f.verbose:
		opts.Log = env.Stderr
		if src.Path == "" {
			fmt.Fprintln(env.Stderr, "oneway: policy: the embedded default (no -policy, no .oneway.yml up to the module root)")
		} else {
			fmt.Fprintf(env.Stderr, "oneway: policy: %s\n", src.Path)
		}
	case !f.quiet && env.IsTerminal(env.Stderr):
		opts.Progress = env.Stderr
	}

	rep, err := audit.Run(ctx, opts)
	if err != nil {
		return auditFailed(env, rep, err)
	}
	if h := rep.History; h != nil && h.Shallow {
		fmt.Fprintf(env.Stderr, "oneway: warning: -history: the clone is shallow: %d commits since %s are all it holds of the year's history; fetch it (git fetch --unshallow, or fetch-depth: 0 with actions/checkout) for change coupling to mean anything\n", h.Commits, h.From)
	}
	for _, p := range rep.Problems {
		switch p.Kind {
		case report.PackageProblem, report.ExcludedPackage:
			verb := "skipped "
			if p.Partial {
				verb = "" // the message says it was analysed in part
			}
			fmt.Fprintf(env.Stderr, "oneway: %s%s: %s\n", verb, p.Package, report.Sanitize(p.Message))
		case report.DirectiveProblem:
			fmt.Fprintf(env.Stderr, "%s:%d:%d: %s\n", p.File, p.Line, p.Column, report.Sanitize(p.Message))
		}
	}

	if code, ok := compare(ctx, env, f, opts, rep, old); !ok {
		return code
	}
	if ctx.Err() != nil {
		// Whatever was cut short, the report may lack something: write
		// nothing.
		return auditFailed(env, nil, fmt.Errorf("%w: %w", audit.ErrInterrupted, context.Cause(ctx)))
	}
	if f.writeBaseline != "" {
		if err := writeBaseline(env, f.writeBaseline, rep); err != nil {
			fmt.Fprintf(env.Stderr, "oneway: writing the baseline: %v\n", err)
			return ExitUsage
		}
	}

	var buf bytes.Buffer
	color := f.out == "" && f.format == "text" && env.IsTerminal(env.Stdout) && env.Getenv("NO_COLOR") == ""
	if err := render(&buf, rep, renderOptions{color: color, showKnown: f.showKnown}); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: rendering the report: %v\n", err)
		return ExitAnalysis
	}
	if code, ok := writeOutput(env, f.out, buf.Bytes(), "the report"); !ok {
		return code
	}
	return exitCode(rep, f)
}

// writeOutput writes data to the file out (atomically) or, without one,
// to standard output; on failure it says so and returns the exit code.
func writeOutput(env Env, out string, data []byte, what string) (int, bool) {
	if out != "" {
		if err := atomicfile.Write(abs(env, out), data, 0o644); err != nil {
			fmt.Fprintf(env.Stderr, "oneway: writing %s: %v\n", what, err)
			return ExitUsage, false
		}
		return ExitClean, true
	}
	if _, err := env.Stdout.Write(data); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitAnalysis, false
	}
	return ExitClean, true
}

// exitCode is the code of an audit that wrote its report: 3 when a package
// could not be analysed (the report is incomplete; -skip-broken accepts
// that), else 1 when there are new invest-now decisions, else 0. Writing
// a baseline is the run's job, whatever the decisions it records: it
// succeeds with 0 (set -e scripts go on).
func exitCode(rep *report.Report, f auditFlags) int {
	if !f.skipBroken {
		for _, p := range rep.Problems {
			if p.Kind == report.PackageProblem {
				return ExitAnalysis
			}
		}
	}
	if rep.Summary.NewInvestNow > 0 && f.writeBaseline == "" {
		return ExitInvest
	}
	return ExitClean
}

// repoDir is the path from the top of the git work tree holding root to
// root (the directory the report's paths are relative to): "modules/shop"
// for a module below the repository's root, "" at the root or outside git.
func repoDir(ctx context.Context, root string) string {
	if root == "" {
		return ""
	}
	top, err := gitrev.Toplevel(ctx, root)
	if err != nil {
		return ""
	}
	resolved := func(p string) string {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return p
	}
	rel, err := filepath.Rel(resolved(top), resolved(root))
	if err != nil || !filepath.IsLocal(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// auditFailed reports an audit that could not run and returns its code.
func auditFailed(env Env, rep *report.Report, err error) int {
	if errors.Is(err, audit.ErrInterrupted) {
		fmt.Fprintf(env.Stderr, "oneway: %v: no report written\n", err)
		return ExitAnalysis
	}
	fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
	if rep != nil {
		for _, p := range rep.Problems {
			fmt.Fprintf(env.Stderr, "oneway: %s: %s\n", p.Package, report.Sanitize(p.Message))
		}
	}
	if errors.Is(err, audit.ErrNoPackages) {
		return ExitUsage
	}
	return ExitAnalysis
}

func countSet(ss ...string) int {
	n := 0
	for _, s := range ss {
		if s != "" {
			n++
		}
	}
	return n
}

// abs resolves a path given on the command line against the working
// directory.
func abs(env Env, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(env.Dir, p)
}

// checkOutputs refuses outputs that would overwrite the run's own
// inputs (the policy in use; the -baseline file, which only
// -write-baseline may renew) or each other.
func checkOutputs(env Env, f auditFlags, policyPath string) error {
	type file struct{ flag, path string }
	outs := []file{{"-o", f.out}, {"-write-baseline", f.writeBaseline}}
	ins := []file{{"the policy in use", policyPath}, {"the -baseline file", f.baseline}}
	for i, o := range outs {
		if o.path == "" {
			continue
		}
		for _, in := range ins {
			if o.flag == "-write-baseline" && in.path == f.baseline {
				continue
			}
			if in.path != "" && sameFile(abs(env, o.path), abs(env, in.path)) {
				return fmt.Errorf("%s %s is %s: refusing to overwrite it", o.flag, o.path, in.flag)
			}
		}
		for _, other := range outs[i+1:] {
			if other.path != "" && (abs(env, o.path) == abs(env, other.path) || sameFile(abs(env, o.path), abs(env, other.path))) {
				return fmt.Errorf("%s and %s name the same file %s", o.flag, other.flag, o.path)
			}
		}
	}
	return nil
}

// sameFile reports whether a and b exist and are the same file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// choosePolicy finds and loads the policy of a run: the -policy file,
// else $ONEWAY_POLICY (as under go vet), else .oneway.yml found upward
// to the module root, else the embedded default.
func choosePolicy(env Env, flagPolicy string) (*policy.Policy, policyfile.Source, error) {
	explicit := flagPolicy
	if explicit == "" {
		explicit = env.Getenv("ONEWAY_POLICY")
	}
	src := policyfile.Choose(explicit, env.Dir)
	if src.Path != "" && !filepath.IsAbs(src.Path) {
		src.Path = filepath.Join(env.Dir, src.Path)
	}
	pol, err := src.Load(family.Rules(env.families()))
	return pol, src, err
}

// cacheDir returns oneway's cache directory for a run, "" for none (no
// directory to use). A directory that is not oneway's (ONEWAY_CACHE=~ by
// mistake) is refused, never trimmed: it says so, and the run goes on
// without.
func cacheDir(env Env) string {
	dir, _ := cache.DefaultDir(env.Getenv)
	if dir == "" {
		return ""
	}
	if _, err := cache.Open(dir); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: warning: running without a cache: %v\n", err)
		return ""
	}
	return dir
}
