package cli

import (
	"bytes"
	"fmt"

	"github.com/oneway-lint/oneway/internal/inputfile"
	"github.com/oneway-lint/oneway/internal/report"
)

// runDiff compares two JSON audits (oneway audit -format json): the
// decisions that are new, resolved, reclassified or costlier, and the
// tables and component dependencies added or removed. It always exits 0
// when it can read both audits: a diff is information, not a verdict.
// An audit that is not a regular file or is larger than
// inputfile.ReportLimit is a usage error.
func runDiff(args []string, env Env) int {
	fs := newFlagSet("diff", env, "oneway diff [-format text|markdown] OLD.json NEW.json")
	format := fs.String("format", "text", "output format: text or markdown")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return ExitUsage
	}
	var write func(*bytes.Buffer, *report.Delta) error
	switch *format {
	case "text":
		write = func(b *bytes.Buffer, d *report.Delta) error { return report.DiffText(b, d) }
	case "markdown":
		write = func(b *bytes.Buffer, d *report.Delta) error { return report.DiffMarkdown(b, d) }
	default:
		fmt.Fprintf(env.Stderr, "oneway: unknown -format %q (want text or markdown)\n", *format)
		return ExitUsage
	}
	var audits [2]*report.Report
	for i, name := range fs.Args() {
		data, err := inputfile.Read(abs(env, name), inputfile.ReportLimit)
		if err != nil {
			fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
			return ExitUsage
		}
		audits[i], err = report.ReadJSON(bytes.NewReader(data))
		if err != nil {
			fmt.Fprintf(env.Stderr, "oneway: %s: %v\n", name, err)
			return ExitUsage
		}
	}
	var buf bytes.Buffer
	if err := write(&buf, report.Diff(audits[0], audits[1])); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitUsage
	}
	if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		return ExitAnalysis
	}
	return ExitClean
}
