//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// deadline bounds every wait of these tests: for the fake go to be
// reached, for its reaction to the first signal, for the process to end.
const deadline = 2 * time.Minute

// TestSignalDuringRevisionAudit interrupts "oneway audit -new-from-rev
// HEAD" while it audits the old revision in its temporary work tree, and
// checks that it writes no report and leaves neither the work tree, nor
// git's record of it, nor its temporary directory behind.
//
// A fake go first in PATH stands in for the go command in that work tree:
// it says it was reached (a marker file), then waits, so the signals
// arrive at a known point, with no sleep in the test.
func TestSignalDuringRevisionAudit(t *testing.T) {
	bin := buildOneway(t)
	goEnv := realGoEnv(t)
	for _, c := range []struct {
		name   string
		reason string
		sigs   []syscall.Signal
		want   int
	}{
		{
			name:   "once/SIGINT",
			reason: "one Ctrl-C cancels the audit: go list is stopped, the work tree removed, no report written",
			sigs:   []syscall.Signal{syscall.SIGINT},
			want:   3,
		},
		{
			name:   "once/SIGTERM",
			reason: "SIGTERM is handled as SIGINT",
			sigs:   []syscall.Signal{syscall.SIGTERM},
			want:   3,
		},
		{
			name:   "twice/SIGINT-SIGINT",
			reason: "a second Ctrl-C, while the audit does not stop, ends the process at once, after removing the work tree",
			sigs:   []syscall.Signal{syscall.SIGINT, syscall.SIGINT},
			want:   128 + int(syscall.SIGINT),
		},
		{
			name:   "twice/SIGTERM-SIGINT",
			reason: "the exit code is that of the second signal",
			sigs:   []syscall.Signal{syscall.SIGTERM, syscall.SIGINT},
			want:   128 + int(syscall.SIGINT),
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := interruptRevisionAudit(t, bin, goEnv, c.sigs)
			if r.code != c.want {
				t.Errorf("exit code %d, want %d (%s); stderr:\n%s", r.code, c.want, c.reason, r.stderr)
			}
			if len(c.sigs) == 1 && !strings.Contains(r.stderr, "interrupted") {
				t.Errorf("stderr does not say the audit was interrupted (%s):\n%s", c.reason, r.stderr)
			}
			if got, err := os.ReadFile(filepath.Join(r.repo, "report.json")); err != nil || string(got) != "old" {
				t.Errorf("report.json was overwritten (%v): %.200q", err, got)
			}
			checkNoWorktreeLeft(t, r.repo, r.tmp, r.env)
		})
	}
}

// realGoEnv returns the absolute path of the go command that runs the
// tests, and the settings that the audited process inherits so that it
// reuses the build cache instead of building the standard library again.
func realGoEnv(t *testing.T) map[string]string {
	t.Helper()
	names := []string{"GOROOT", "GOCACHE", "GOMODCACHE", "GOPATH"}
	out, err := exec.Command("go", append([]string{"env"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	values := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(values) != len(names) {
		t.Fatalf("go env printed %q for %v", out, names)
	}
	env := map[string]string{}
	for i, n := range names {
		env[n] = values[i]
	}
	goBin := filepath.Join(env["GOROOT"], "bin", "go")
	if _, err := os.Stat(goBin); err != nil {
		t.Fatalf("the go command of GOROOT: %v", err)
	}
	env["go"] = goBin
	return env
}

// fakeGo stands in for the go command. In a directory of a work tree
// made by Checkout (under oneway-rev-*), it creates started.PID in
// $ONEWAY_TEST_MARKERS and waits (until its parent is gone, or two
// minutes); an interrupt creates int.PID and, unless
// $ONEWAY_TEST_HOLD is set, ends it. Anywhere else it runs the real go
// command. The waits run in the background, so that the shell handles
// the interrupt at once.
const fakeGo = `#!/bin/sh
case "$(pwd -P)" in
*/oneway-rev-*) ;;
*) exec REALGO "$@" ;;
esac
if [ -n "$ONEWAY_TEST_HOLD" ]; then
	trap 'touch "$ONEWAY_TEST_MARKERS/int.$$"' INT TERM
else
	trap 'touch "$ONEWAY_TEST_MARKERS/int.$$"; exit 130' INT TERM
fi
touch "$ONEWAY_TEST_MARKERS/started.$$"
i=0
while [ $i -lt 120 ] && kill -0 "$PPID" 2>/dev/null; do
	sleep 1 </dev/null >/dev/null 2>&1 &
	wait $!
	i=$((i + 1))
done
exit 1
`

type interrupted struct {
	code      int
	stderr    string
	repo, tmp string
	env       []string
}

// interruptRevisionAudit runs "oneway audit -new-from-rev HEAD" on a
// small module committed in a fresh repository, sends sigs once the fake
// go is reached in the old revision's work tree, and returns how the
// process ended. A second signal is sent only once the fake go has
// received the interrupt that the first one causes, so the two are not
// merged; the fake go then holds on, as analyzers that do not watch for
// interrupts would (go/packages kills it 5 seconds after the interrupt,
// far longer than the test takes to send the second signal).
func interruptRevisionAudit(t *testing.T, bin string, goEnv map[string]string, sigs []syscall.Signal) interrupted {
	t.Helper()
	repo, tmp, home, markers, fake := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	script := strings.ReplaceAll(fakeGo, "REALGO", "'"+strings.ReplaceAll(goEnv["go"], "'", `'\''`)+"'")
	if err := os.WriteFile(filepath.Join(fake, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "GIT_") && !strings.HasPrefix(name, "ONEWAY_") {
			env = append(env, kv)
		}
	}
	env = append(env,
		"PATH="+fake+string(os.PathListSeparator)+os.Getenv("PATH"),
		"TMPDIR="+tmp,
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"ONEWAY_CACHE="+filepath.Join(home, "oneway-cache"),
		"ONEWAY_TEST_MARKERS="+markers,
		"GOCACHE="+goEnv["GOCACHE"],
		"GOMODCACHE="+goEnv["GOMODCACHE"],
		"GOPATH="+goEnv["GOPATH"],
		"GOTOOLCHAIN=local",
		"GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
	if len(sigs) > 1 {
		env = append(env, "ONEWAY_TEST_HOLD=1")
	}

	files := map[string]string{
		"go.mod": "module example.com/ledger\n\ngo 1.24\n",
		"a/a.go": `// Package a keeps accounts.
package a

import "database/sql"

// Open opens an account.
func Open(db *sql.DB, id int) error {
	_, err := db.Exec("UPDATE accounts SET open = true WHERE id = $1", id)
	return err
}
`,
	}
	writeFiles(t, repo, files)
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "base"}} {
		git(t, repo, env, args...)
	}
	if err := os.WriteFile(filepath.Join(repo, "report.json"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "audit", "-new-from-rev", "HEAD", "-o", "report.json", "-format", "json", "./...")
	cmd.Dir, cmd.Env = repo, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// A process group of its own, with the fake go commands it starts:
	// what is left of it is killed at the end.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 10 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pgid := cmd.Process.Pid
	t.Cleanup(func() { _ = syscall.Kill(-pgid, syscall.SIGKILL) }) // best effort: the group may be gone
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	// waitFor waits for a marker of the fake go; the process must not end
	// before it appears.
	waitFor := func(prefix, what string) {
		t.Helper()
		timeout := time.After(deadline)
		for {
			if m, _ := filepath.Glob(filepath.Join(markers, prefix+".*")); len(m) > 0 {
				return
			}
			select {
			case err := <-done:
				t.Fatalf("oneway ended (%v) before %s; stderr:\n%s", err, what, stderr.String())
			case <-timeout:
				t.Fatalf("after %v, still not %s; stderr:\n%s", deadline, what, stderr.String())
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	waitFor("started", "the go command ran in the old revision's work tree")
	for i, s := range sigs {
		if i > 0 {
			waitFor("int", "the go command was interrupted after the first signal")
		}
		if err := cmd.Process.Signal(s); err != nil {
			t.Fatalf("sending %v: %v", s, err)
		}
	}

	sent := time.Now()
	var err error
	select {
	case err = <-done:
	case <-time.After(deadline):
		_ = syscall.Kill(-pgid, syscall.SIGKILL) // best effort: the failure is what matters
		t.Fatalf("oneway did not end within %v of %v; stderr:\n%s", deadline, sigs, stderr.String())
	}
	t.Logf("oneway ended %v after the last signal", time.Since(sent).Round(time.Millisecond))
	code := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("waiting for oneway: %v", err)
		}
		code = exit.ExitCode() // -1 when a signal killed it
	}
	return interrupted{code: code, stderr: stderr.String(), repo: repo, tmp: tmp, env: env}
}

// checkNoWorktreeLeft checks that git (run with env) knows only the main
// work tree of repo and keeps no record of another, and that tmp holds
// no oneway-rev-* directory.
func checkNoWorktreeLeft(t *testing.T, repo, tmp string, env []string) {
	t.Helper()
	list := git(t, repo, env, "worktree", "list", "--porcelain")
	var trees []string
	for _, line := range strings.Split(list, "\n") {
		if tree, ok := strings.CutPrefix(line, "worktree "); ok {
			trees = append(trees, tree)
		}
	}
	if len(trees) != 1 {
		t.Errorf("git worktree list shows %d work trees, want only the main one:\n%s", len(trees), list)
	}
	if entries, err := os.ReadDir(filepath.Join(repo, ".git", "worktrees")); err == nil && len(entries) > 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf(".git/worktrees keeps records: %v", names)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Error(err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "oneway-rev-*")); len(left) > 0 {
		t.Errorf("temporary directories left in TMPDIR: %v", left)
	}
}

// git runs git in dir with the environment env and returns its output.
func git(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
			stderr = exit.Stderr
		}
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return string(out)
}

// writeFiles writes files, by path below dir, making their directories.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
