package gitrev

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// addGrace is how long an interrupted Checkout lets "git worktree add"
// go on before it kills it. A checkout is short, and one that runs to its
// end leaves nothing behind, so it is let finish; the grace only bounds
// the wait when a hook hangs (the removal copes with what a killed git
// leaves).
const addGrace = 30 * time.Second

// Checkout makes a detached work tree of commit in a new temporary
// directory, with the submodules that are initialised in the working
// tree of dir filled in at the commits it records, and returns it with a
// function that removes it again.
//
// When ctx is done during the checkout, git is let finish (it is not
// killed half-way, and it runs in a process group of its own, so that a
// terminal's interrupt does not reach it either), the work tree is
// removed and ctx's error is returned.
//
// The function removes the work tree even when it is locked, deletes the
// temporary directory and forgets the work tree in the repository. It
// may be called more than once and from several goroutines at a time (a
// signal handler and a deferred call, say); every call returns once the
// removal is done. It touches no other work tree.
func Checkout(ctx context.Context, dir, commit string) (string, func(), error) {
	return checkout(ctx, dir, commit, addGrace)
}

func checkout(ctx context.Context, dir, commit string, grace time.Duration) (string, func(), error) {
	if err := ctx.Err(); err != nil {
		return "", nil, err
	}
	top, err := Toplevel(ctx, dir)
	if err != nil {
		return "", nil, err
	}
	tmp, err := os.MkdirTemp("", "oneway-rev-")
	if err != nil {
		return "", nil, err
	}
	// git records a work tree by its real path (on macOS the temporary
	// directory is behind a symbolic link); use the same, so that the
	// removal can find the record.
	if real, err := filepath.EvalSymlinks(tmp); err == nil {
		tmp = real
	}
	wt := filepath.Join(tmp, "tree")
	remove := removal(dir, tmp, wt)

	// Not GIT_INDEX_FILE: a hook that runs oneway (pre-commit) sets it,
	// and git would check the new work tree out into the commit's index.
	// Nor submodule.recurse: the submodules are filled in below, locally.
	args := []string{"-c", "submodule.recurse=false", "worktree", "add", "--detach", "--quiet", wt, commit}
	_, err = gitToEnd(ctx, dir, grace, without(os.Environ(), "GIT_INDEX_FILE"), args...)
	if err == nil && ctx.Err() == nil {
		err = fillSubmodules(ctx, top, wt, commit)
	}
	if err != nil || ctx.Err() != nil {
		remove()
		if ctx.Err() != nil {
			return "", nil, ctx.Err()
		}
		return "", nil, err
	}
	return wt, remove, nil
}

// removal returns the function that removes the work tree wt, made by
// Checkout in tmp for the repository of dir.
func removal(dir, tmp, wt string) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			// A fresh context: the removal must happen even when the
			// checkout's is done. Each command runs to its end, out of
			// reach of a second interrupt.
			ctx, env := context.Background(), os.Environ()
			_, _ = gitToEnd(ctx, dir, 0, env, "worktree", "unlock", wt)                       // best effort: it is seldom locked
			_, _ = gitToEnd(ctx, dir, 0, env, "worktree", "remove", "--force", "--force", wt) // best effort: what it leaves goes below
			_ = os.RemoveAll(tmp)                                                             // best effort: nothing more can be done
			forget(ctx, dir, wt)
		})
	}
}

// forget deletes the repository's record of the work tree wt, if one is
// left, as "git worktree prune" would, but for this work tree only: a
// plain prune would also drop the records of the user's own work trees
// whose directories are missing for now (on an unmounted disk, say).
func forget(ctx context.Context, dir, wt string) {
	common, err := gitToEnd(ctx, dir, 0, os.Environ(), "rev-parse", "--git-common-dir")
	if err != nil {
		return
	}
	if !filepath.IsAbs(common) {
		common = filepath.Join(dir, common)
	}
	admin := filepath.Join(common, "worktrees")
	entries, err := os.ReadDir(admin)
	if err != nil {
		return
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(admin, e.Name(), "gitdir"))
		if err != nil {
			continue
		}
		if samePath(strings.TrimSpace(string(data)), filepath.Join(wt, ".git")) {
			_ = os.RemoveAll(filepath.Join(admin, e.Name())) // best effort: nothing more can be done
		}
	}
}

func samePath(a, b string) bool {
	a, b = filepath.Clean(filepath.FromSlash(a)), filepath.Clean(b)
	if runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// gitToEnd runs git in dir with the environment env, in a process group
// of its own, and returns its trimmed standard output. It does not stop
// git when ctx is done, but waits for its end; only after grace more
// (when grace > 0) does it kill it.
func gitToEnd(ctx context.Context, dir string, grace time.Duration, env []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, env
	// A hook's child that keeps git's output open must not hold us up
	// once git has ended.
	cmd.WaitDelay = 5 * time.Second
	detach(cmd)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		return "", gitError(err, &errb)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		if grace <= 0 {
			err = <-done
			break
		}
		timer := time.NewTimer(grace)
		defer timer.Stop()
		select {
		case err = <-done:
		case <-timer.C:
			kill(cmd)
			err = <-done
		}
	}
	if err != nil {
		return "", gitError(err, &errb)
	}
	return strings.TrimSpace(out.String()), nil
}

// without returns env without the variables named.
func without(env []string, names ...string) []string {
	var kept []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, n := range names {
			if name == n || runtime.GOOS == "windows" && strings.EqualFold(name, n) {
				drop = true
				break
			}
		}
		if !drop {
			kept = append(kept, kv)
		}
	}
	return kept
}
