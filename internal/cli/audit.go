package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/oneway-lint/oneway/internal/atomicfile"
	"github.com/oneway-lint/oneway/internal/audit"
	"github.com/oneway-lint/oneway/internal/policyfile"
	"github.com/oneway-lint/oneway/internal/report"
)

func runAudit(ctx context.Context, args []string, env Env) int {
	fs := newFlagSet("audit", env, "oneway audit [flags] [packages]")
	policyPath := fs.String("policy", "", "policy file (default: .oneway.yml found upward to the module root, else the embedded default)")
	format := fs.String("format", "text", "output format: text or json")
	out := fs.String("o", "", "write the report to this file (atomically) instead of standard output")
	verbose := fs.Bool("v", false, "say which policy is used and what is analysed")
	chdir := chdirFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if code, ok := applyChdir(&env, *chdir); !ok {
		return code
	}
	render, err := renderer(*format)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitUsage
	}

	src := policyfile.Choose(*policyPath, env.Dir)
	if src.Path != "" && !filepath.IsAbs(src.Path) {
		src.Path = filepath.Join(env.Dir, src.Path)
	}
	pol, err := src.Load()
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitUsage
	}
	opts := audit.Options{
		Dir:        env.Dir,
		Patterns:   fs.Args(),
		Policy:     pol,
		PolicyFile: src.Path,
		Families:   env.families(),
		Version:    Version(),
	}
	if *verbose {
		opts.Log = env.Stderr
		if src.Path == "" {
			fmt.Fprintln(env.Stderr, "oneway: policy: the embedded default (no -policy, no .oneway.yml up to the module root)")
		} else {
			fmt.Fprintf(env.Stderr, "oneway: policy: %s\n", src.Path)
		}
	}

	rep, err := audit.Run(ctx, opts)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		if rep != nil {
			for _, p := range rep.Problems {
				fmt.Fprintf(env.Stderr, "oneway: %s: %s\n", p.Package, report.Sanitize(p.Message))
			}
		}
		switch {
		case errors.Is(err, audit.ErrNothingAnalysed):
			return ExitAnalysis
		case errors.Is(err, audit.ErrNoPackages):
			return ExitUsage
		}
		return ExitAnalysis
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(env.Stderr, "oneway: skipped %s: %s\n", p.Package, report.Sanitize(p.Message))
	}

	var buf bytes.Buffer
	color := *out == "" && *format == "text" && env.IsTerminal(env.Stdout) && env.Getenv("NO_COLOR") == ""
	if err := render(&buf, rep, color); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: rendering the report: %v\n", err)
		return ExitAnalysis
	}
	if *out != "" {
		path := *out
		if !filepath.IsAbs(path) {
			path = filepath.Join(env.Dir, path)
		}
		if err := atomicfile.Write(path, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintf(env.Stderr, "oneway: writing the report: %v\n", err)
			return ExitUsage
		}
	} else if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitAnalysis
	}
	if rep.Summary.InvestNow > 0 {
		return ExitInvest
	}
	return ExitClean
}

type renderFunc func(w *bytes.Buffer, r *report.Report, color bool) error

func renderer(format string) (renderFunc, error) {
	switch format {
	case "text":
		return func(w *bytes.Buffer, r *report.Report, color bool) error {
			return report.Text(w, r, report.TextOptions{Color: color})
		}, nil
	case "json":
		return func(w *bytes.Buffer, r *report.Report, _ bool) error { return report.JSON(w, r) }, nil
	}
	return nil, fmt.Errorf("unknown -format %q (want text or json)", format)
}
