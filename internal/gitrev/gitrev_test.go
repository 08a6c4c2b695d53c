package gitrev

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// A fixed identity and no user or system configuration, as the CLI
	// scripts have.
	for k, v := range map[string]string{
		"GIT_AUTHOR_NAME": "oneway", "GIT_AUTHOR_EMAIL": "oneway@example.com",
		"GIT_COMMITTER_NAME": "oneway", "GIT_COMMITTER_EMAIL": "oneway@example.com",
		"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
	} {
		if err := os.Setenv(k, v); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

// TestCheckoutRemove checks that the work tree holds the commit's files,
// and that removing it, once, twice or from many goroutines at a time,
// leaves no record and no directory, and no other work tree touched.
func TestCheckoutRemove(t *testing.T) {
	tmp := privateTemp(t)
	repo := newRepo(t)
	first := gitT(t, repo, "rev-parse", "HEAD")
	writeFile(t, filepath.Join(repo, "a.txt"), "two\n")
	gitT(t, repo, "commit", "-q", "-am", "two")

	// The user's own work trees: one in place, one whose directory is
	// missing for now. Neither is oneway's to remove or prune.
	mine := filepath.Join(t.TempDir(), "mine")
	gitT(t, repo, "worktree", "add", "-q", "--detach", mine)
	away := filepath.Join(t.TempDir(), "away")
	gitT(t, repo, "worktree", "add", "-q", "--detach", away)
	if err := os.RemoveAll(away); err != nil {
		t.Fatal(err)
	}

	wt, remove, err := Checkout(context.Background(), repo, first)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(wt, "a.txt")); got != "one\n" {
		t.Errorf("a.txt in the work tree = %q, want the first commit's %q", got, "one\n")
	}
	if list := gitT(t, repo, "worktree", "list", "--porcelain"); !strings.Contains(list, wt) {
		t.Errorf("git worktree list does not show %s:\n%s", wt, list)
	}
	remove()
	assertGone(t, repo, tmp, wt)
	remove() // again: nothing to do, no harm
	assertGone(t, repo, tmp, wt)

	wt, remove, err = Checkout(context.Background(), repo, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			remove()
			// Every call returns once the work tree is gone.
			if _, err := os.Stat(wt); !os.IsNotExist(err) {
				t.Errorf("work tree still there after a concurrent remove: %v", err)
			}
		}()
	}
	wg.Wait()
	assertGone(t, repo, tmp, wt)

	list := gitT(t, repo, "worktree", "list", "--porcelain")
	for _, w := range []string{mine, away} {
		if !strings.Contains(list, filepath.Base(w)) {
			t.Errorf("the user's work tree %s is gone from git worktree list:\n%s", w, list)
		}
	}
}

// TestCheckoutCancelled checks that a checkout whose context is done
// returns its error and leaves nothing behind.
func TestCheckoutCancelled(t *testing.T) {
	t.Run("before", func(t *testing.T) {
		tmp := privateTemp(t)
		repo := newRepo(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, _, err := Checkout(ctx, repo, "HEAD")
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Checkout with a cancelled context: err = %v, want context.Canceled", err)
		}
		assertGone(t, repo, tmp, "")
	})
	t.Run("during", func(t *testing.T) {
		// git is let finish, then the work tree is removed.
		tmp := privateTemp(t)
		repo := newRepo(t)
		mark := slowHook(t, repo, 1)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		err := checkoutCancelledMidway(t, cancel, mark, func() error {
			_, _, err := Checkout(ctx, repo, "HEAD")
			return err
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Checkout cancelled midway: err = %v, want context.Canceled", err)
		}
		if _, err := os.Stat(filepath.Join(mark, "finished")); err != nil {
			t.Errorf("git worktree add did not run to its end: %v", err)
		}
		assertGone(t, repo, tmp, "")
	})
	t.Run("hung", func(t *testing.T) {
		// A git that does not end within the grace is killed, and what
		// it leaves is removed.
		tmp := privateTemp(t)
		repo := newRepo(t)
		mark := slowHook(t, repo, 60)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		start := time.Now()
		err := checkoutCancelledMidway(t, cancel, mark, func() error {
			_, _, err := checkout(ctx, repo, "HEAD", 100*time.Millisecond)
			return err
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("checkout cancelled midway: err = %v, want context.Canceled", err)
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("checkout took %v: the hung git was not killed", d)
		}
		assertGone(t, repo, tmp, "")
	})
}

// TestRemoveLocked checks that the removal copes with a locked work tree,
// and with what a git killed during "git worktree add" leaves: a locked
// record whose directory is incomplete or missing.
func TestRemoveLocked(t *testing.T) {
	for _, tc := range []struct {
		name, reason string
		delete       string // what to delete of the work tree, if anything
	}{
		{name: "locked", reason: "a locked work tree is not removed without -f -f"},
		{name: "no directory", reason: "a git worktree add killed early leaves its lock and no directory", delete: "."},
		{name: "no .git", reason: "git worktree remove refuses a directory without its .git file", delete: ".git"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := privateTemp(t)
			repo := newRepo(t)
			wt, remove, err := Checkout(context.Background(), repo, "HEAD")
			if err != nil {
				t.Fatal(err)
			}
			gitT(t, repo, "worktree", "lock", "--reason", "initializing", wt)
			if tc.delete != "" {
				if err := os.RemoveAll(filepath.Join(wt, tc.delete)); err != nil {
					t.Fatal(err)
				}
			}
			remove()
			assertGone(t, repo, tmp, wt)
			if t.Failed() {
				t.Logf("reason for the case: %s", tc.reason)
			}
		})
	}
}

// TestCheckoutSubmodule checks that the submodules initialised in the
// working tree are filled in at the commits the checked-out commit
// records, nested ones too, from the local copies.
func TestCheckoutSubmodule(t *testing.T) {
	tmp := privateTemp(t)
	inner := newRepo(t) // a.txt: one
	sub := newRepo(t)
	gitT(t, sub, "-c", "protocol.file.allow=always", "submodule", "add", "-q", inner, "inner")
	writeFile(t, filepath.Join(sub, "v.txt"), "A\n")
	gitT(t, sub, "add", "-A")
	gitT(t, sub, "commit", "-q", "-m", "A")

	repo := newRepo(t)
	gitT(t, repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", sub, "sub")
	gitT(t, repo, "-c", "protocol.file.allow=always", "submodule", "update", "-q", "--init", "--recursive")
	gitT(t, repo, "commit", "-q", "-m", "with sub at A")
	first := gitT(t, repo, "rev-parse", "HEAD")
	subA := gitT(t, repo, "rev-parse", "HEAD:sub")

	// Bump the submodule to B in the working tree, and its inner module
	// too; commit that.
	checkout := filepath.Join(repo, "sub")
	writeFile(t, filepath.Join(checkout, "v.txt"), "B\n")
	writeFile(t, filepath.Join(checkout, "inner", "a.txt"), "two\n")
	gitT(t, filepath.Join(checkout, "inner"), "commit", "-q", "-am", "two")
	gitT(t, checkout, "commit", "-q", "-am", "B")
	gitT(t, repo, "commit", "-q", "-am", "sub at B")

	wt, remove, err := Checkout(context.Background(), repo, first)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(wt, "sub", "v.txt")); got != "A\n" {
		t.Errorf("sub/v.txt in the work tree of the first commit = %q, want %q", got, "A\n")
	}
	if got := readFile(t, filepath.Join(wt, "sub", "inner", "a.txt")); got != "one\n" {
		t.Errorf("sub/inner/a.txt in the work tree of the first commit = %q, want %q", got, "one\n")
	}
	if got := gitT(t, filepath.Join(wt, "sub"), "rev-parse", "HEAD"); got != subA {
		t.Errorf("sub in the work tree is at %s, want %s", got, subA)
	}
	// The working tree's submodule is as it was, and knows nothing of
	// the clone.
	if got := readFile(t, filepath.Join(checkout, "v.txt")); got != "B\n" {
		t.Errorf("the working tree's sub/v.txt = %q, want %q", got, "B\n")
	}
	if list := gitT(t, checkout, "worktree", "list", "--porcelain"); strings.Count(list, "worktree ") != 1 {
		t.Errorf("the submodule's repository has work trees registered:\n%s", list)
	}
	remove()
	assertGone(t, repo, tmp, wt)

	wt, remove, err = Checkout(context.Background(), repo, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(wt, "sub", "v.txt")); got != "B\n" {
		t.Errorf("sub/v.txt in the work tree of HEAD = %q, want %q", got, "B\n")
	}
	remove()
	assertGone(t, repo, tmp, wt)

	t.Run("missing commit", func(t *testing.T) {
		// A recorded commit the local copy does not have is an error
		// naming the submodule and the commit, not an audit without it.
		const missing = "0123456789abcdef0123456789abcdef01234567"
		gitT(t, repo, "update-index", "--cacheinfo", "160000,"+missing+",sub")
		gitT(t, repo, "commit", "-q", "-m", "sub at a commit nobody has")
		_, _, err := Checkout(context.Background(), repo, "HEAD")
		if err == nil || !strings.Contains(err.Error(), "submodule sub") || !strings.Contains(err.Error(), missing) {
			t.Fatalf("Checkout of a commit whose submodule commit is missing: err = %v, want one naming sub and %s", err, missing)
		}
		assertGone(t, repo, tmp, "")
	})

	t.Run("not initialised", func(t *testing.T) {
		// A submodule the working tree lacks stays empty.
		gitT(t, repo, "submodule", "deinit", "-q", "-f", "sub")
		wt, remove, err := Checkout(context.Background(), repo, first)
		if err != nil {
			t.Fatal(err)
		}
		defer remove()
		entries, err := os.ReadDir(filepath.Join(wt, "sub"))
		if err != nil || len(entries) != 0 {
			t.Errorf("sub in the work tree: %d entries, err %v; want an empty directory", len(entries), err)
		}
	})
}

// checkoutCancelledMidway runs checkout, cancels its context once the
// hook of slowHook has started, and returns checkout's error.
func checkoutCancelledMidway(t *testing.T, cancel func(), mark string, checkout func() error) error {
	t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- checkout() }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(mark, "started")); err == nil {
			break
		}
		select {
		case err := <-errc:
			t.Fatalf("checkout ended before its hook started: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the post-checkout hook did not start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	return <-errc
}

// slowHook installs a post-checkout hook, which git worktree add runs,
// that marks its start, sleeps seconds and marks its end if git, its
// parent, is still alive then, in the directory it returns.
func slowHook(t *testing.T, repo string, seconds int) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the hook is a shell script")
	}
	mark := t.TempDir()
	hook := "#!/bin/sh\n" +
		": > '" + mark + "/started'\n" +
		"sleep " + strconv.Itoa(seconds) + "\n" +
		"kill -0 $PPID && : > '" + mark + "/finished'\n"
	if err := os.WriteFile(filepath.Join(repo, ".git", "hooks", "post-checkout"), []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	return mark
}

// privateTemp gives the test a temporary directory of its own for
// Checkout's directories, and returns it.
func privateTemp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(k, dir)
	}
	return dir
}

// assertGone checks that the repository has no work tree but its own
// and the user's, no record of one of oneway's, and that tmp holds no
// directory of Checkout's. wt, if set, is the work tree that was removed.
func assertGone(t *testing.T, repo, tmp, wt string) {
	t.Helper()
	list := gitT(t, repo, "worktree", "list", "--porcelain")
	if strings.Contains(list, "oneway-rev-") {
		t.Errorf("git worktree list still shows a work tree of oneway's:\n%s", list)
	}
	admin := filepath.Join(repo, ".git", "worktrees")
	entries, _ := os.ReadDir(admin)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(admin, e.Name(), "gitdir"))
		if err != nil || strings.Contains(string(data), "oneway-rev-") {
			t.Errorf("record %s of a work tree stays in .git/worktrees: %q, %v", e.Name(), data, err)
		}
	}
	if wt != "" {
		if _, err := os.Stat(wt); !os.IsNotExist(err) {
			t.Errorf("work tree %s still there: %v", wt, err)
		}
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "oneway-rev-*"))
	if len(left) > 0 {
		t.Errorf("temporary directories left: %v", left)
	}
}

// newRepo makes a repository with one commit of a.txt ("one").
func newRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	gitT(t, dir, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(dir, "a.txt"), "one\n")
	gitT(t, dir, "add", "-A")
	gitT(t, dir, "commit", "-q", "-m", "one")
	// The repository's path as git reports it (on macOS the temporary
	// directory is behind a symbolic link).
	return gitT(t, dir, "rev-parse", "--show-toplevel")
}

func gitT(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return strings.TrimSpace(string(out))
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
