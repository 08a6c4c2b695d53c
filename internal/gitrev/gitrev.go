// Package gitrev checks out another revision of the repository beside the
// working tree, so that an audit can compare against it.
package gitrev

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// git runs git in dir and returns its trimmed standard output.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	return run(cmd)
}

// run runs a git command made by the caller and returns its trimmed
// standard output, or an error with git's own message.
func run(cmd *exec.Cmd) (string, error) {
	out, err := output(cmd)
	return strings.TrimSpace(string(out)), err
}

// gitError is git's own message, without the command line (which says
// nothing to a user who never typed it): "git: fatal: …".
func gitError(err error, stderr *bytes.Buffer) error {
	msg := strings.TrimSpace(stderr.String())
	if msg == "" {
		msg = err.Error()
	}
	return fmt.Errorf("git: %s", msg)
}

// Output runs git in dir and returns its standard output as it is (for
// output too large or too exact to trim), or an error with git's own
// message.
func Output(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	return output(cmd)
}

// output runs a git command made by the caller and returns its standard
// output, or an error with git's own message.
func output(cmd *exec.Cmd) ([]byte, error) {
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, gitError(err, &errb)
	}
	return out.Bytes(), nil
}

// Toplevel returns the root of the work tree that holds dir.
func Toplevel(ctx context.Context, dir string) (string, error) {
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil && strings.Contains(err.Error(), "not a git repository") {
		return "", fmt.Errorf("%s is not in a git work tree", dir)
	}
	return top, err
}

// Resolve returns the commit a revision names.
func Resolve(ctx context.Context, dir, rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("bad revision %q", rev)
	}
	commit, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil && strings.Contains(err.Error(), "exit status 1") {
		return "", errors.New("no commit has that name in this repository")
	}
	return commit, err
}

// MergeBase returns the best common ancestor of rev and HEAD.
func MergeBase(ctx context.Context, dir, rev string) (string, error) {
	commit, err := Resolve(ctx, dir, rev)
	if err != nil {
		return "", err
	}
	return git(ctx, dir, "merge-base", commit, "HEAD")
}

// Tags returns the release tags of the module in dir: the repository's
// tags, and for a module in a subdirectory those prefixed with its path
// (sub/v2.0.0), without the prefix. ok is false when dir is not in a git
// work tree, so that callers can tell "no tags" from "not known".
func Tags(ctx context.Context, dir string) (tags []string, ok bool) {
	top, err := Toplevel(ctx, dir)
	if err != nil {
		return nil, false
	}
	out, err := git(ctx, dir, "tag", "--list")
	if err != nil {
		return nil, false
	}
	prefix := ""
	if rel, err := filepath.Rel(top, dir); err == nil && rel != "." {
		prefix = filepath.ToSlash(rel) + "/"
	}
	for _, t := range strings.Split(out, "\n") {
		if t == "" {
			continue
		}
		if prefix != "" {
			var found bool
			if t, found = strings.CutPrefix(t, prefix); !found {
				continue
			}
		} else if strings.Contains(t, "/") {
			continue // a nested module's tag
		}
		tags = append(tags, t)
	}
	return tags, true
}
