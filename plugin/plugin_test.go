package plugin

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/internal/depstest"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/policy"
)

func TestPolicyFromSettings(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.yml")
	if err := os.WriteFile(file, []byte("version: 1\nstage: explore\nthresholds:\n  invest-now: 50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fams := analyzers.Families()
	cases := []struct {
		name     string
		settings any
		stage    policy.Stage
		invest   int
		err      string
		why      string
	}{
		{"none", nil, policy.Traction, 40, "", "no settings: the policy oneway finds, here the embedded default"},
		{"file", map[string]any{"policy": file}, policy.Explore, 50, "", "a policy file"},
		{"inline", map[string]any{"stage": "scale"}, policy.Scale, 32, "", "inline keys make a policy of their own"},
		{"file-and-inline", map[string]any{"policy": file, "stage": "scale"}, policy.Scale, 50, "", "inline keys override the file's top-level keys; the rest stays"},
		{"unknown-key", map[string]any{"colour": "blue"}, "", 0, `unknown key "colour"`, "inline keys are checked like a policy file's"},
		{"bad-stage", map[string]any{"stage": "warp"}, "", 0, `"warp"`, "and so are their values"},
		{"bad-policy-type", map[string]any{"policy": 3}, "", 0, "expected the path of a policy file", "policy must be a path"},
		{"missing-file", map[string]any{"policy": filepath.Join(dir, "nope.yml")}, "", 0, "nope.yml", "a missing file is an error, not the default"},
		{"not-a-map", []any{1}, "", 0, "expected a mapping", "settings are a mapping"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pol, err := Policy(c.settings, fams)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one containing %q (%s)", err, c.err, c.why)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v (%s)", err, c.why)
			}
			if pol.Stage != c.stage || pol.Thresholds.InvestNow != c.invest {
				t.Errorf("stage %s, invest-now %d; want %s, %d (%s)", pol.Stage, pol.Thresholds.InvestNow, c.stage, c.invest, c.why)
			}
		})
	}
}

func TestNewBuildsValidAnalyzers(t *testing.T) {
	p, err := New(map[string]any{"stage": "scale"})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) == 0 {
		t.Fatal("no analyzers")
	}
	if err := analysis.Validate(as); err != nil {
		t.Error(err)
	}
	if p.GetLoadMode() != "typesinfo" {
		t.Errorf("load mode %q, want typesinfo", p.GetLoadMode())
	}
}

// TestCustomGolangciLint builds a golangci-lint with this plugin, as
// 'golangci-lint custom' does (a main that imports golangci-lint's
// commands and the plugin; the module proxy serves both), and runs it on
// the demo code base. It takes minutes, so it runs only when
// ONEWAY_TEST_GOLANGCI is set (CI sets it).
func TestCustomGolangciLint(t *testing.T) {
	if os.Getenv("ONEWAY_TEST_GOLANGCI") == "" {
		t.Skip("set ONEWAY_TEST_GOLANGCI=1 to build a custom golangci-lint with the plugin (minutes)")
	}
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	build, lintCache := t.TempDir(), t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/custom-gcl\n\ngo 1.26\n\nrequire (\n\tgithub.com/golangci/golangci-lint/v2 v2.15.0\n\tgithub.com/oneway-lint/oneway v0.0.0\n)\n\nreplace github.com/oneway-lint/oneway => " + repo + "\n",
		"main.go": `package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"

	_ "github.com/oneway-lint/oneway/plugin"
)

func main() {
	if err := commands.Execute(commands.BuildInfo{Version: "2.15.0-oneway", Commit: "test", GoVersion: "go", Date: "test"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
}
`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(build, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// run runs a command; exit code 1 means issues were found, which a
	// lint run is expected to do.
	run := func(dir string, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		// golangci-lint caches issues by package and configuration, not by
		// the plugin's code: a cache of an earlier build would answer.
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+lintCache)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		issuesFound := errors.As(err, &exit) && exit.ExitCode() == 1 && strings.HasSuffix(name, "custom-gcl")
		if err != nil && !issuesFound {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run(build, "go", "mod", "tidy")
	run(build, "go", "build", "-o", "custom-gcl", ".")

	demo := t.TempDir()
	copyTree(t, filepath.Join(repo, "testdata", "demo"), demo)
	cfg := `version: "2"
linters:
  default: none
  enable: [oneway]
  settings:
    custom:
      oneway:
        type: module
        description: architecture one-way doors
        settings:
          stage: traction
`
	if err := os.WriteFile(filepath.Join(demo, ".golangci.yml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(demo, filepath.Join(build, "custom-gcl"), "run", "--max-issues-per-linter=0", "--max-same-issues=0", "./...")
	for _, want := range []string{
		"orders/store.go:77:15: data: select * from order_items couples the code to every column of order_items [data.select-star, cheap-later, cost 12] (oneway)",
		"[coupling.concrete-dependency, cost ≥",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the custom golangci-lint does not report %q:\n%s", want, out)
		}
	}
	// One issue per decision: golangci-lint would make each related
	// location an issue of its own.
	if strings.Contains(out, "(related information)") || !strings.Contains(out, " (also ") {
		t.Errorf("related locations are issues of their own, or missing from the decisions' text:\n%s", out)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPluginLinksNoAuditEngine: the golangci-lint plugin needs the
// analyzers, the policy and the filter, not the audit's engine, its
// caches, the report renderers or git code.
func TestPluginLinksNoAuditEngine(t *testing.T) {
	for _, d := range depstest.Deps(t) {
		for _, banned := range []string{"/internal/audit", "/internal/engine", "/internal/report", "/internal/cache", "/internal/gitrev"} {
			if strings.HasSuffix(d, banned) || strings.Contains(d, banned+"/") {
				t.Errorf("the plugin links %s", d)
			}
		}
	}
}
