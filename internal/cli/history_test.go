package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
)

// TestHistoryInterrupted: interrupted while it audits the second
// revision, oneway history writes nothing, exits 3 and leaves no work
// tree behind.
func TestHistoryInterrupted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeArchive(t, dir, "history_broken_revision.txtar")
	git := func(date string, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
			"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("", "init", "-q", "-b", "main")
	for _, d := range []string{"2026-01-01T12:00:00Z", "2026-01-11T12:00:00Z", "2026-01-21T12:00:00Z"} {
		git(d, "add", "-A")
		git(d, "commit", "-q", "--allow-empty", "-m", d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Interrupted once the second revision's work tree exists (the
	// command registers its removal then), while it is audited.
	stderr := new(bytes.Buffer) // a terminal: progress is written
	var stdout bytes.Buffer
	var registered atomic.Int32
	unregistered := false
	code := Main(ctx, []string{"history", "-no-cache", "-since", "20d", "-step", "10d", "./..."}, Env{
		Stdout: &stdout, Stderr: stderr, Dir: dir, Executable: executable,
		Getenv:     func(string) string { return "" },
		IsTerminal: func(w io.Writer) bool { return w == stderr },
		OnExit: func(func()) func() {
			if registered.Add(1) == 2 {
				cancel()
				return func() { unregistered = true }
			}
			return func() {}
		},
	})
	if registered.Load() != 2 || !unregistered {
		t.Errorf("%d work trees registered for removal on exit, the second's registration undone %v: want 2, true (the interrupt came after the checkout)", registered.Load(), unregistered)
	}
	if code != ExitAnalysis || stdout.Len() > 0 || !strings.Contains(stderr.String(), "interrupted: no history written") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 3, nothing, interrupted", code, stdout.String(), stderr.String())
	}
	cmd := exec.Command("git", "worktree", "list", "--porcelain")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(out), "worktree ") != 1 {
		t.Errorf("work trees left behind:\n%s", out)
	}
}
