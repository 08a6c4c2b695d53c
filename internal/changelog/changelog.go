// Package changelog reads which files change together: the commits of
// the current branch over a period before HEAD, each with the files it
// changed as they are named at HEAD (renames followed), leaving out what
// says nothing about the code's design — merges, generated files,
// lockfiles, vendored code and commits too large to be one change (a
// reformat, a licence header, a dependency bump). Change coupling and
// churn are counted from it.
package changelog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oneway-lint/oneway/internal/gitrev"
)

// Defaults of Options.
const (
	DefaultPeriod   = 365 * 24 * time.Hour
	DefaultMaxFiles = 30 // code-maat's max-changeset-size
)

// Options say which commits to read.
type Options struct {
	// Period is how far back from HEAD's commit time to read; 0 is
	// DefaultPeriod. It is counted from HEAD, not from now: a checkout of
	// an old revision reads the year before it.
	Period time.Duration
	// MaxFiles: a commit that changes more files (those counted: not
	// generated, not lockfiles, not vendored) is left out; 0 is
	// DefaultMaxFiles.
	MaxFiles int
	// Generated reports whether the file at a path (relative to the
	// work tree's top, named as at HEAD) is generated, besides what its
	// name says (see generatedName) and what a Go file that exists says
	// ("Code generated … DO NOT EDIT."); nil: nothing more.
	Generated func(path string) bool
}

// Commit is one commit of the log.
type Commit struct {
	Rev  string
	Time time.Time
	// Files are the files it changed that count, relative to the top of
	// the work tree and named as at HEAD (a file deleted since keeps its
	// last name), sorted.
	Files []string
}

// Log is the change log of a period.
type Log struct {
	Top      string    // the top directory of the work tree
	Head     string    // HEAD's commit
	From, To time.Time // the period read; To is HEAD's commit time
	Commits  []Commit  // newest first
	// Read counts the commits of the period (merges left out); Large
	// those left out for changing more than MaxFiles files.
	Read, Large int
	// Shallow: the clone is shallow, so commits before its boundary are
	// missing (CI checkouts of depth 1 hold only HEAD).
	Shallow bool
	// Renamed: renames were followed. git cannot detect them in a clone
	// without the files' contents (a partial clone); the log is read
	// without them then, and a renamed file counts as two.
	Renamed bool
}

// Read reads the change log of the repository holding dir.
func Read(ctx context.Context, dir string, o Options) (*Log, error) {
	if o.Period <= 0 {
		o.Period = DefaultPeriod
	}
	if o.MaxFiles <= 0 {
		o.MaxFiles = DefaultMaxFiles
	}
	top, err := gitrev.Toplevel(ctx, dir)
	if err != nil {
		return nil, err
	}
	head, err := gitrev.Output(ctx, top, "log", "-1", "--format=%H %ct", "HEAD")
	if err != nil {
		return nil, fmt.Errorf("reading HEAD: %w", err)
	}
	rev, secs, ok := strings.Cut(strings.TrimSpace(string(head)), " ")
	unix, perr := strconv.ParseInt(secs, 10, 64)
	if !ok || perr != nil {
		return nil, fmt.Errorf("reading HEAD: unexpected output %q", head)
	}
	l := &Log{Top: top, Head: rev, To: time.Unix(unix, 0).UTC(), Renamed: true}
	l.From = l.To.Add(-o.Period)
	shallow, err := gitrev.Output(ctx, top, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return nil, err
	}
	l.Shallow = strings.TrimSpace(string(shallow)) == "true"

	args := []string{"log", "-z", "--no-merges", "--name-status", "--format=%x01%H %ct",
		"--since=" + strconv.FormatInt(l.From.Unix(), 10), "HEAD", "--"}
	out, err := gitrev.Output(ctx, top, append([]string{"-c", "diff.renames=true", "-c", "diff.renameLimit=1000"}, args...)...)
	if err != nil && ctx.Err() == nil {
		// Rename detection reads the files' contents, which a partial
		// clone lacks (git fails rather than fetch them all): read the
		// log without it.
		l.Renamed = false
		out, err = gitrev.Output(ctx, top, append([]string{"-c", "diff.renames=false"}, args...)...)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the log: %w", err)
	}
	commits, err := parse(out)
	if err != nil {
		return nil, err
	}
	header, extra := generatedHeader(top), o.Generated
	generated := func(p string) bool { return header(p) || extra != nil && extra(p) }
	l.Read = len(commits)
	current := map[string]string{} // an old name → the name at HEAD
	name := func(p string) string {
		if c, ok := current[p]; ok {
			return c
		}
		return p
	}
	for _, c := range commits { // newest first: a rename maps the older commits' names
		var files []string
		for _, ch := range c.changes {
			now := name(ch.path)
			if ch.from != "" {
				current[ch.from] = now
			}
			if counts(now, generated) {
				files = append(files, now)
			}
		}
		slices.Sort(files)
		files = slices.Compact(files)
		if len(files) == 0 {
			continue
		}
		if len(files) > o.MaxFiles {
			l.Large++
			continue
		}
		l.Commits = append(l.Commits, Commit{Rev: c.rev, Time: c.time, Files: files})
	}
	return l, nil
}

// rawCommit is a commit as git log printed it.
type rawCommit struct {
	rev     string
	time    time.Time
	changes []change
}

// change is one file a commit changed: its path then, and for a rename
// or copy the path it came from.
type change struct {
	path, from string
}

// parse reads the output of git log -z --name-status with the format
// "\x01HASH UNIXTIME": NUL-separated fields, each commit's header starting
// with \x01 (after the newline git puts before a commit's changes).
func parse(out []byte) ([]rawCommit, error) {
	var commits []rawCommit
	fields := bytes.Split(out, []byte{0})
	for i := 0; i < len(fields); i++ {
		f := string(bytes.TrimLeft(fields[i], "\n"))
		switch {
		case f == "":
			continue
		case f[0] == '\x01':
			rev, secs, ok := strings.Cut(f[1:], " ")
			unix, err := strconv.ParseInt(strings.TrimSpace(secs), 10, 64)
			if !ok || err != nil {
				return nil, fmt.Errorf("reading the log: unexpected commit header %q", f)
			}
			commits = append(commits, rawCommit{rev: rev, time: time.Unix(unix, 0).UTC()})
		default:
			if len(commits) == 0 {
				return nil, fmt.Errorf("reading the log: a change before any commit (%q)", f)
			}
			c := &commits[len(commits)-1]
			switch f[0] {
			case 'R', 'C': // renamed or copied: the old path, then the new
				if i+2 >= len(fields) {
					return nil, errors.New("reading the log: a rename without its paths")
				}
				from, to := string(fields[i+1]), string(fields[i+2])
				i += 2
				ch := change{path: to}
				if f[0] == 'R' {
					ch.from = from
				}
				c.changes = append(c.changes, ch)
			default: // A, M, D, T, U, X: one path
				if i+1 >= len(fields) {
					return nil, errors.New("reading the log: a change without its path")
				}
				c.changes = append(c.changes, change{path: string(fields[i+1])})
				i++
			}
		}
	}
	return commits, nil
}

// counts reports whether a change of the file at p says something about
// the code's design: not a lockfile, not vendored or installed
// dependencies, not generated.
func counts(p string, generated func(string) bool) bool {
	if lockfiles[path.Base(p)] {
		return false
	}
	for _, dir := range []string{"vendor/", "node_modules/", "third_party/"} {
		if strings.HasPrefix(p, dir) || strings.Contains(p, "/"+dir) {
			return false
		}
	}
	if generatedName(p) {
		return false
	}
	return !generated(p)
}

// lockfiles are the base names of dependency lockfiles and checksums.
var lockfiles = map[string]bool{
	"go.sum": true, "go.work.sum": true, "package-lock.json": true, "yarn.lock": true,
	"pnpm-lock.yaml": true, "npm-shrinkwrap.json": true, "bun.lockb": true, "Cargo.lock": true,
	"Gemfile.lock": true, "poetry.lock": true, "Pipfile.lock": true, "composer.lock": true,
	"uv.lock": true, "pdm.lock": true, "flake.lock": true, "mix.lock": true, "pubspec.lock": true,
	"Podfile.lock": true, "packages.lock.json": true, "gradle.lockfile": true, ".terraform.lock.hcl": true,
}

// generatedName reports whether a file's name says it is generated: the
// names protoc, gRPC-gateway, the Kubernetes generators, go-bindata and
// most go:generate tools give their output. Files that exist at HEAD are
// also checked for the "Code generated" header (Options.Generated).
func generatedName(p string) bool {
	base := path.Base(p)
	for _, suffix := range []string{".pb.go", ".pb.gw.go", ".pb.validate.go", "_gen.go", ".gen.go", "_generated.go", ".pb.ts", "_pb.js", "_pb.d.ts"} {
		if strings.HasSuffix(base, suffix) {
			return true
		}
	}
	return strings.HasPrefix(base, "zz_generated") || strings.HasPrefix(base, "bindata")
}

// generatedHeader returns a test of whether a Go file below top, as it
// is now, says it is generated (go/ast.IsGenerated: a "// Code generated
// … DO NOT EDIT." comment before its package clause). Each file is parsed
// once, up to its package clause.
// headerBytes is how much of a file generatedHeader reads: a generated
// file's header and package clause come first.
const headerBytes = 64 << 10

func generatedHeader(top string) func(string) bool {
	seen := map[string]bool{}
	fset := token.NewFileSet()
	return func(p string) bool {
		if !strings.HasSuffix(p, ".go") {
			return false
		}
		if g, ok := seen[p]; ok {
			return g
		}
		g := false
		if file, err := os.Open(filepath.Join(top, filepath.FromSlash(p))); err == nil {
			// The header is above the package clause: the file's start
			// is enough, as go/build reads it.
			f, err := parser.ParseFile(fset, p, io.LimitReader(file, headerBytes), parser.PackageClauseOnly|parser.ParseComments)
			g = err == nil && ast.IsGenerated(f)
			_ = file.Close()
		}
		seen[p] = g
		return g
	}
}
