package audit

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/gitrev"
	"github.com/oneway-lint/oneway/policy"
)

// TestRunRevisionCached: a commit audited once is read from the cache the
// next time, whatever directory its work tree is in: no work tree is
// checked out, and the report is the same.
func TestRunRevisionCached(t *testing.T) {
	if testing.Short() {
		t.Skip("audits a module with net/http and database/sql")
	}
	dir := copyTree(t, "testdata/depfacts")
	commit := commitAll(t, dir)
	ctx := context.Background()
	o := Options{Dir: dir, Patterns: []string{"./app"}, Policy: policy.Default(analyzers.Rules()), Families: analyzers.Families(), Version: "test", CacheDir: t.TempDir()}
	checkouts := 0
	checkout := func() (string, func(), error) {
		checkouts++
		return gitrev.Checkout(ctx, dir, commit)
	}
	first, err := RunRevision(ctx, o, commit, checkout)
	if err != nil {
		t.Fatal(err)
	}
	second, err := RunRevision(ctx, o, commit, checkout)
	if err != nil {
		t.Fatal(err)
	}
	if checkouts != 1 {
		t.Errorf("%d checkouts for two audits of one commit, want 1 (the second from the cache)", checkouts)
	}
	if len(first.Decisions) == 0 || len(first.Decisions) != len(second.Decisions) || first.Summary != second.Summary {
		t.Errorf("the cached report differs: %+v, then %+v", first.Summary, second.Summary)
	}
	o.CacheDir = ""
	if _, err := RunRevision(ctx, o, commit, checkout); err != nil || checkouts != 2 {
		t.Errorf("without a cache: %v, %d checkouts; want a new one", err, checkouts)
	}
}

// TestRunRevisionOutsideRepository: a revision whose module replaces a
// dependency with a directory outside the repository is audited anew
// every time: that directory can change while the commit stays.
func TestRunRevisionOutsideRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("audits a module twice")
	}
	lib := t.TempDir()
	writeTree(t, lib, map[string]string{
		"go.mod": "module example.com/lib\n\ngo 1.22\n",
		"lib.go": "package lib\n\nfunc F() int { return 1 }\n",
	})
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"go.mod":     "module example.com/rev\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => " + filepath.ToSlash(lib) + "\n",
		"app/app.go": "package app\n\nimport \"example.com/lib\"\n\nfunc G() int { return lib.F() }\n",
	})
	commit := commitAll(t, dir)
	ctx := context.Background()
	o := Options{Dir: dir, Policy: policy.Default(analyzers.Rules()), Families: analyzers.Families(), Version: "test", CacheDir: t.TempDir()}
	checkouts := 0
	checkout := func() (string, func(), error) {
		checkouts++
		return gitrev.Checkout(ctx, dir, commit)
	}
	for range 2 {
		rep, err := RunRevision(ctx, o, commit, checkout)
		if err != nil {
			t.Fatal(err)
		}
		if !cacheable(rep) {
			t.Fatalf("the report has problems, so is never cached and the test proves nothing: %+v", rep.Problems)
		}
	}
	if checkouts != 2 {
		t.Errorf("%d checkouts for two audits of one commit reading %s, want 2 (not from the cache)", checkouts, lib)
	}
}

// TestCommitFixes: a revision's report is keyed by its commit only when
// the commit fixes every build file the go command reads: not with an
// overlay or another go.mod named in GOFLAGS, nor a go.work outside the
// repository.
func TestCommitFixes(t *testing.T) {
	t.Parallel()
	top := filepath.Join(t.TempDir(), "repo")
	for _, tt := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, true},
		{map[string]string{"GOFLAGS": "-mod=mod"}, true},
		{map[string]string{"GOFLAGS": "-modfile=/tmp/other.mod"}, false},
		{map[string]string{"GOFLAGS": "-overlay=/tmp/o.json"}, false},
		{map[string]string{"GOWORK": "off"}, true},
		{map[string]string{"GOWORK": filepath.Join(top, "go.work")}, true},
		{map[string]string{"GOWORK": filepath.Join(filepath.Dir(top), "go.work")}, false},
	} {
		if got := commitFixes(tt.env, top); got != tt.want {
			t.Errorf("commitFixes(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

// commitAll makes dir a git repository with its files in one commit, and
// returns the commit.
func commitAll(t *testing.T, dir string) string {
	t.Helper()
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "one")
	commit, err := gitrev.Resolve(context.Background(), dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	return commit
}
