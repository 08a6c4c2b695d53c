package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/report"
)

// formats are the names -format takes.
var formats = []string{"text", "json", "sarif", "github", "markdown", "html", "dot"}

func formatNames() string { return strings.Join(formats, ", ") }

type renderFunc func(w *bytes.Buffer, r *report.Report, color bool) error

func renderer(format string) (renderFunc, error) {
	switch format {
	case "text":
		return func(w *bytes.Buffer, r *report.Report, color bool) error {
			return report.Text(w, r, report.TextOptions{Color: color})
		}, nil
	case "json":
		return func(w *bytes.Buffer, r *report.Report, _ bool) error { return report.JSON(w, r) }, nil
	case "sarif":
		return func(w *bytes.Buffer, r *report.Report, _ bool) error {
			return report.SARIF(w, r, family.Rules(analyzers.Families()))
		}, nil
	case "github":
		// The Markdown step summary ($GITHUB_STEP_SUMMARY) needs the
		// environment, which runAudit has: until it passes it, only the
		// annotations are written.
		return func(w *bytes.Buffer, r *report.Report, _ bool) error { return report.GitHub(w, nil, r) }, nil
	case "markdown":
		return func(w *bytes.Buffer, r *report.Report, _ bool) error { return report.Markdown(w, r) }, nil
	case "html":
		return func(w *bytes.Buffer, r *report.Report, _ bool) error { return report.HTML(w, r) }, nil
	case "dot":
		return func(w *bytes.Buffer, r *report.Report, _ bool) error { return report.DOT(w, r) }, nil
	}
	return nil, fmt.Errorf("unknown -format %q (want one of %s)", format, formatNames())
}
