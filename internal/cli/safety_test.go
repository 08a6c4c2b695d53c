package cli

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/family"
)

// TestInterruptedAuditWritesNothing: an interrupt that arrives while the
// analyzers run (they do not stop; the git lookups after them fail) ends
// the audit with ExitAnalysis, writes neither the report nor the
// baseline, and caches nothing: the next audit gives the full report.
func TestInterruptedAuditWritesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeArchive(t, dir, "new_from_rev.txtar")
	cacheDir := filepath.Join(t.TempDir(), "cache")
	out := filepath.Join(dir, "report.json")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	interrupt := family.Family{Name: "interrupt", New: func(family.Settings) []*analysis.Analyzer {
		return []*analysis.Analyzer{{
			Name: "interrupt",
			Doc:  "interrupts the audit, as a Ctrl-C while the analyzers run",
			Run:  func(*analysis.Pass) (any, error) { cancel(); return nil, nil },
		}}
	}}
	run := func(ctx context.Context, fams []family.Family, args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := Main(ctx, args, Env{
			Stdout: &stdout, Stderr: &stderr, Dir: dir, Families: fams, Executable: executable,
			Getenv: func(k string) string {
				if k == "ONEWAY_CACHE" {
					return cacheDir
				}
				return ""
			},
		})
		return stdout.String(), stderr.String(), code
	}
	_, stderr, code := run(ctx, append(analyzers.Families(), interrupt), "audit", "-format", "json", "-o", out, "-write-baseline", "baseline.json", "./...")
	if code != ExitAnalysis || !strings.Contains(stderr, "interrupted") {
		t.Errorf("an interrupted audit exited %d, want %d, saying it was interrupted:\n%s", code, ExitAnalysis, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != "old" {
		t.Errorf("an interrupted audit overwrote -o: %.200q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "baseline.json")); err == nil {
		t.Error("an interrupted audit wrote -write-baseline")
	}
	cached, _, code := run(context.Background(), nil, "audit", "-format", "json", "./...")
	uncached, _, ucode := run(context.Background(), nil, "audit", "-no-cache", "-format", "json", "./...")
	if code != ucode || cached != uncached {
		t.Errorf("after an interrupted audit, the cached audit (exit %d) differs from -no-cache (exit %d):\n%s\n---\n%s", code, ucode, cached, uncached)
	}
}

// TestNewFromRevStoresOneReport: the old revision's audit runs in a new
// temporary directory each time, so its report would never be asked for
// again: only the current code's report is cached.
func TestNewFromRevStoresOneReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeArchive(t, dir, "new_from_rev.txtar")
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "-m", "base"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=oneway", "GIT_AUTHOR_EMAIL=oneway@example.com",
			"GIT_COMMITTER_NAME=oneway", "GIT_COMMITTER_EMAIL=oneway@example.com",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	for range 2 {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), []string{"audit", "-new-from-rev", "HEAD", "./..."}, Env{
			Stdout: &stdout, Stderr: &stderr, Dir: dir, Executable: executable,
			Getenv: func(k string) string {
				if k == "ONEWAY_CACHE" {
					return cacheDir
				}
				return ""
			},
		})
		if code != ExitClean {
			t.Fatalf("audit -new-from-rev HEAD exited %d:\n%s", code, stderr.String())
		}
	}
	var reports []string
	err := filepath.WalkDir(filepath.Join(cacheDir, "results"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			reports = append(reports, p)
		}
		return err
	})
	if err != nil || len(reports) != 1 {
		t.Errorf("after two runs of -new-from-rev, the cache holds %d reports (%v), want the current code's alone", len(reports), err)
	}
}
