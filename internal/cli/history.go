package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oneway-lint/oneway/internal/audit"
	"github.com/oneway-lint/oneway/internal/gitrev"
	"github.com/oneway-lint/oneway/internal/history"
)

// runHistory is oneway history: the audits of a series of past revisions
// of the current branch, each in a temporary work tree, and the decisions
// open at HEAD ranked by how fast they are closing.
func runHistory(ctx context.Context, args []string, env Env) int {
	fs := newFlagSet("history", env, "oneway history [flags] [packages]")
	pol := fs.String("policy", "", "policy file, the same for every revision (default: $ONEWAY_POLICY, else .oneway.yml found upward to the module root, else the embedded default)")
	format := fs.String("format", "text", "output format: text, json, markdown or html")
	out := fs.String("o", "", "write the history to this file (atomically; - for standard output) instead of standard output")
	since := fs.String("since", "12mo", "how far back from HEAD's commit to go: a number and d, w, mo or y (90d, 12mo, 2y)")
	step := fs.String("step", "1mo", "time between two revisions of the series: a number and d, w, mo or y")
	revs := fs.Int("revs", 0, "audit this many revisions, one step apart, instead of the -since period")
	changes := fs.Bool("history", false, "read each revision's change log too, as oneway audit -history does: change coupling and churn in every audit of the series")
	noCache := fs.Bool("no-cache", false, "do not use or fill oneway's cache (every revision is audited again)")
	quiet := fs.Bool("q", false, "print no progress on a terminal")
	chdir := chdirFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if code, ok := applyChdir(&env, *chdir); !ok {
		return code
	}
	if !slices.Contains([]string{"text", "json", "markdown", "html"}, *format) {
		fmt.Fprintf(env.Stderr, "oneway: unknown format %q for history: text, json, markdown or html\n", *format)
		return ExitUsage
	}
	period, err := parsePeriod(*since)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: -since: %v\n", err)
		return ExitUsage
	}
	every, err := parsePeriod(*step)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: -step: %v\n", err)
		return ExitUsage
	}
	if *revs < 0 {
		fmt.Fprintf(env.Stderr, "oneway: -revs must be positive, got %d\n", *revs)
		return ExitUsage
	}
	if _, err := gitrev.Toplevel(ctx, env.Dir); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: history audits past revisions from git: %v\n", err)
		return ExitUsage
	}
	p, src, err := choosePolicy(env, *pol)
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	if *out == "-" {
		*out = ""
	}

	samples, shallow, err := history.Sample(ctx, env.Dir, period, every, *revs)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitAnalysis
	}
	if shallow {
		fmt.Fprintf(env.Stderr, "oneway: warning: the clone is shallow: the series holds only the %d revisions it has; fetch the history (git fetch --unshallow, or fetch-depth: 0 with actions/checkout)\n", len(samples))
	}
	opts := audit.Options{
		Dir:        env.Dir,
		Patterns:   fs.Args(),
		Policy:     p,
		PolicyFile: src.Path,
		Families:   env.families(),
		Version:    Version(),
		Executable: env.Executable,
		History:    *changes,
	}
	if !*noCache {
		opts.CacheDir = cacheDir(env)
	}
	progress := !*quiet && env.IsTerminal(env.Stderr)
	points := make([]history.Point, 0, len(samples))
	for i, rev := range samples {
		if progress {
			fmt.Fprintf(env.Stderr, "\roneway: auditing revision %d of %d (%s, %.7s)…\x1b[K", i+1, len(samples), rev.Time.Format("2006-01-02"), rev.Commit)
		}
		var tree string // the revision's temporary work tree, if made
		rep, err := audit.RunRevision(ctx, opts, rev.Commit, func() (string, func(), error) {
			wt, remove, err := gitrev.Checkout(ctx, env.Dir, rev.Commit)
			if err != nil {
				return "", nil, err
			}
			tree = wt
			if env.OnExit != nil {
				undo := env.OnExit(remove) // a second interrupt removes it too
				return wt, func() { undo(); remove() }, nil
			}
			return wt, remove, nil
		})
		pt := history.Point{Revision: rev, Report: rep}
		switch {
		case errors.Is(err, audit.ErrInterrupted) || ctx.Err() != nil:
			if progress {
				fmt.Fprint(env.Stderr, "\r\x1b[K")
			}
			fmt.Fprintf(env.Stderr, "oneway: interrupted: no history written\n")
			return ExitAnalysis
		case errors.Is(err, audit.ErrNothingAnalysed), errors.Is(err, audit.ErrNoPackages):
			pt.Report, pt.Failed = nil, "nothing could be analysed"
		case err != nil:
			// Named in the work tree, as the audit of HEAD names them: the
			// temporary directory changes from run to run.
			msg := err.Error()
			if tree != "" {
				msg = strings.ReplaceAll(msg, tree+string(filepath.Separator), "")
			}
			pt.Report, pt.Failed = nil, msg
		}
		points = append(points, pt)
	}
	if progress {
		fmt.Fprint(env.Stderr, "\r\x1b[K")
	}
	h := history.Build(points, shallow)
	var buf bytes.Buffer
	switch *format {
	case "json":
		err = history.JSON(&buf, h)
	case "markdown":
		err = history.Markdown(&buf, h)
	case "html":
		err = history.HTML(&buf, h)
	default:
		err = history.Text(&buf, h)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: rendering the history: %v\n", err)
		return ExitAnalysis
	}
	code, _ := writeOutput(env, *out, buf.Bytes(), "the history")
	return code
}

// periodPattern is a period on the command line: a number and a unit.
var periodPattern = regexp.MustCompile(`^([0-9]+)(d|w|mo|y)$`)

// parsePeriod reads a period such as 90d, 6w, 12mo or 2y (a month is 30
// days, a year 365).
func parsePeriod(s string) (time.Duration, error) {
	m := periodPattern.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("%q is no period: a number and d, w, mo or y (90d, 12mo, 2y)", s)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n <= 0 || n > 100*365 {
		return 0, fmt.Errorf("%q is no period: the number must be between 1 and 36500", s)
	}
	day := 24 * time.Hour
	unit := map[string]time.Duration{"d": day, "w": 7 * day, "mo": 30 * day, "y": 365 * day}[m[2]]
	return time.Duration(n) * unit, nil
}
