package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/oneway-lint/oneway/internal/report"
)

// formats are the names -format takes.
var formats = []string{"text", "json"}

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
	}
	return nil, fmt.Errorf("unknown -format %q (want one of %s)", format, formatNames())
}
