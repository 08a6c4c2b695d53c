package cli

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/atomicfile"
	"github.com/oneway-lint/oneway/internal/report"
)

// formats are the names -format takes.
var formats = []string{"text", "json", "sarif", "github", "markdown", "html", "dot", "checkstyle", "junit", "gitlab"}

func formatNames() string { return strings.Join(formats, ", ") }

// renderOptions are the CLI's choices a renderer may follow.
type renderOptions struct {
	color     bool // ANSI colours (text)
	showKnown bool // list the decisions a baseline records (text)
}

type renderFunc func(w *bytes.Buffer, r *report.Report, o renderOptions) error

// renderer returns the renderer of a format. Formats that need more than
// the report take it from env: the rule catalogue of its families (SARIF),
// and $GITHUB_STEP_SUMMARY, to which the github format appends the full
// list as Markdown (GitHub's step-summary file is appended to, by design).
func renderer(format string, env Env) (renderFunc, error) {
	switch format {
	case "text":
		return func(w *bytes.Buffer, r *report.Report, o renderOptions) error {
			return report.Text(w, r, report.TextOptions{Color: o.color, ShowKnown: o.showKnown})
		}, nil
	case "json":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error { return report.JSON(w, r) }, nil
	case "sarif":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error {
			return report.SARIF(w, fromRepositoryRoot(r), family.Rules(env.families()))
		}, nil
	case "github":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error {
			r = fromRepositoryRoot(r)
			path := env.Getenv("GITHUB_STEP_SUMMARY")
			if path == "" {
				return report.GitHub(w, nil, r, report.MarkdownOptions{})
			}
			var summary bytes.Buffer
			if err := report.GitHub(w, &summary, r, githubLinks(env)); err != nil {
				return err
			}
			return atomicfile.Append(abs(env, path), summary.Bytes(), 0o644)
		}, nil
	case "markdown":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error {
			o := githubLinks(env)
			if o.Link != nil {
				r = fromRepositoryRoot(r) // the links' paths
			}
			return report.Markdown(w, r, o)
		}, nil
	case "html":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error { return report.HTML(w, r) }, nil
	case "dot":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error { return report.DOT(w, r) }, nil
	case "checkstyle":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error {
			return report.Checkstyle(w, fromRepositoryRoot(r))
		}, nil
	case "junit":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error {
			return report.JUnit(w, fromRepositoryRoot(r))
		}, nil
	case "gitlab":
		return func(w *bytes.Buffer, r *report.Report, _ renderOptions) error {
			return report.GitLab(w, fromRepositoryRoot(r))
		}, nil
	}
	return nil, fmt.Errorf("unknown -format %q (want one of %s)", format, formatNames())
}

// githubLinks links Markdown locations to their lines on GitHub in a
// GitHub Actions job, where the runner names the server, the repository
// and the commit checked out ($GITHUB_SERVER_URL, $GITHUB_REPOSITORY,
// $GITHUB_SHA); elsewhere, no links.
func githubLinks(env Env) report.MarkdownOptions {
	return report.MarkdownOptions{Link: report.GitHubLinks(env.Getenv("GITHUB_SERVER_URL"), env.Getenv("GITHUB_REPOSITORY"), env.Getenv("GITHUB_SHA"))}
}

// fromRepositoryRoot returns r with its paths from the root of the git
// work tree that holds it (a copy, when they change): GitHub, GitLab and
// the tools that read Checkstyle and JUnit place results by such paths,
// and a module may lie below the repository's root.
func fromRepositoryRoot(r *report.Report) *report.Report {
	dir := repoDir(context.Background(), r.Root)
	if dir == "" {
		return r
	}
	c := r.Clone()
	c.UnderDir(dir)
	return c
}
