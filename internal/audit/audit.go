// Package audit runs oneway over a whole program: it loads the packages,
// runs every family's analyzers on them, adds the whole-program
// decisions, weighs each against the policy and builds the report.
//
// Data flows one way: source → analyzers (evidence) → audit (global
// evidence, score, class) → report.
package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/cache"
	"github.com/oneway-lint/oneway/internal/engine"
	"github.com/oneway-lint/oneway/internal/gitrev"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// Options says what to audit and how.
type Options struct {
	Dir      string   // the directory to run in (the go command's working directory)
	Patterns []string // package patterns; default "./..."
	Policy   *policy.Policy
	// PolicyFile is the file the policy came from, "" for the embedded
	// default. The report names it relative to the module root.
	PolicyFile string
	Families   []family.Family
	Env        []string  // environment for the go command; nil means the current one
	Log        io.Writer // verbose notes; nil for none
	Progress   io.Writer // progress for a terminal (lines rewritten with \r); nil for none
	Version    string    // oneway's version, recorded in the report
	// CacheDir, if not empty, is where the audit keeps what it can
	// reuse from one run to the next (the facts of dependencies, whole
	// reports), keyed by content. Runs may share it concurrently.
	CacheDir string
	// Transient says the code is in a temporary directory (another
	// revision's work tree): its report is not cached, as no later run
	// would ask for it.
	Transient bool
	// Executable identifies the analyzers' code in cache keys
	// (engine.ExecutableKey: a hash of the running executable). nil: the
	// audit hashes the executable itself; a process that audits more
	// than once passes one function that hashes it once.
	Executable func() []byte

	// History reads the change log of the year before HEAD (git) for the
	// rules that need it (coupling.change-coupling) and the evidence it
	// adds to coupling decisions; the report says what was read.
	History bool

	// For tests: called before the packages load, and once they are.
	beforeLoad, afterLoad func()
}

// cache opens the cache directory, or returns nil for none (a cache that
// cannot be opened is no cache).
func (o Options) cache() *cache.Cache {
	if o.CacheDir == "" {
		return nil
	}
	c, err := cache.Open(o.CacheDir)
	if err != nil {
		logf(o.Log, "no cache: %v", err)
		return nil
	}
	c.Trim()
	return c
}

// ErrNothingAnalysed is returned (wrapped) when no package could be
// analysed at all.
var ErrNothingAnalysed = errors.New("no package could be analysed")

// ErrNoPackages is returned (wrapped) when the patterns match no package.
var ErrNoPackages = errors.New("no packages to analyse")

// Run audits the packages and returns the report. Packages that cannot
// be analysed (syntax or type errors) are listed as problems and the
// rest go on; Run fails only when there is nothing it could analyse.
//
// With a cache directory, a re-audit of unchanged code (the same files,
// policy, settings and oneway) returns the report of the last one.
func Run(ctx context.Context, o Options) (*report.Report, error) {
	rep, _, err := runReading(ctx, o)
	return rep, err
}

// runReading is Run, which also returns the directories of the source
// files it read when it audited (none for a report from the cache).
func runReading(ctx context.Context, o Options) (*report.Report, []string, error) {
	if o.Policy == nil {
		return nil, nil, errors.New("audit: no policy")
	}
	patterns := o.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	c := o.cache()
	// The executable's key identifies the analyzers' code in cache keys;
	// reading the executable takes a while, so it is read once, while
	// the packages load.
	exe := o.Executable
	if exe == nil {
		exe = sync.OnceValue(engine.ExecutableKey)
	}
	if c == nil || o.Transient {
		return run(ctx, o, patterns, loadCache{c: c}, exe)
	}
	// The key of the report: a few go and git commands, a hash of
	// oneway's executable (computed meanwhile) and of the code, read
	// before the packages load so that the report can only be older than
	// the key, never newer.
	start := time.Now()
	go exe()
	k, keyed := newResultsKey(ctx, o, patterns)
	if keyed {
		if exe := exe(); exe != nil {
			k.seal(exe)
		} else {
			keyed = false
		}
	}
	if keyed {
		if data, ok := c.Get(resultsKind, k.key); ok {
			if rep, err := decodeReport(data); err == nil {
				logf(o.Log, "the report of the last audit of the same code, policy and oneway, from the cache (%v)", time.Since(start).Round(time.Millisecond))
				return rep, nil, nil
			}
		}
	}
	lc := loadCache{c: c}
	if keyed {
		lc.env = k.env
	}
	rep, read, err := run(ctx, o, patterns, lc, exe)
	if err != nil || !keyed || !cacheable(rep) {
		return rep, read, err
	}
	// Store it only if the key covers every package read from source and
	// nothing changed while the audit ran.
	switch dir, covered := k.covers(read); {
	case !covered:
		logf(o.Log, "the report is not cached: the key does not cover %s", dir)
	case !k.unchanged(ctx) || ctx.Err() != nil:
		logf(o.Log, "the report is not cached: the code changed during the audit")
	default:
		if data, err := encodeReport(rep); err == nil {
			_ = c.Put(resultsKind, k.key, data) // a failed write is a later miss
		}
	}
	return rep, read, nil
}

// ErrInterrupted is returned (wrapped) when the audit's context was
// cancelled: a step may have been cut short, so there is no report.
var ErrInterrupted = errors.New("interrupted")

// interrupted returns an error when ctx is done.
func interrupted(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrInterrupted, context.Cause(ctx))
}

// sourceDirs returns the directories of the files the audit may read of
// pkgs and their dependencies, sorted.
func sourceDirs(pkgs []*packages.Package) []string {
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.EmbedFiles} {
			for _, f := range list {
				seen[filepath.Dir(f)] = true
			}
		}
	})
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs
}

// mainModulePaths returns the paths of the main modules of pkgs.
func mainModulePaths(pkgs []*packages.Package) []string {
	var paths []string
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main && !slices.Contains(paths, p.Module.Path) {
			paths = append(paths, p.Module.Path)
		}
	}
	return paths
}

// below reports whether the package path is one of the module paths or
// below one.
func below(pkgPath string, modules []string) bool {
	for _, m := range modules {
		if pkgPath == m || strings.HasPrefix(pkgPath, m+"/") {
			return true
		}
	}
	return false
}

// unmatched reports whether no pattern matched a real package: every
// "package" go list returned is an error standing for a pattern (a
// directory that does not exist, a path outside the module) with no
// files. It returns the errors.
func unmatched(pkgs []*packages.Package) ([]string, bool) {
	var msgs []string
	for _, p := range pkgs {
		if len(p.GoFiles) > 0 || len(p.CompiledGoFiles) > 0 || len(p.Errors) == 0 {
			return nil, false
		}
		for _, e := range p.Errors {
			if e.Kind != packages.ListError {
				return nil, false
			}
			msgs = append(msgs, e.Msg)
		}
	}
	sort.Strings(msgs)
	return msgs, true
}

// brokenClosures marks the packages that have errors or depend on one
// that has: packageProblem need only look at those.
func brokenClosures(pkgs []*packages.Package) map[*packages.Package]bool {
	broken := map[*packages.Package]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		b := len(p.Errors) > 0
		for _, imp := range p.Imports {
			b = b || broken[imp]
		}
		if b {
			broken[p] = true
		}
	})
	return broken
}

// packageProblem describes why a package cannot be analysed, or "": its
// own errors and those of the dependencies it reaches that are not
// audited (a module go.mod lacks). An audited dependency that is a
// problem itself (reported) is named, not repeated: its errors are
// reported with it; one that is analysed despite the errors below it is
// looked through, to the packages that hold them. File names are
// relative to the module root.
func (pr *program) packageProblem(p *packages.Package, audited, reported map[*packages.Package]bool) string {
	var msgs []string
	seen := map[string]bool{}
	add := func(m string) {
		if !seen[m] {
			seen[m] = true
			msgs = append(msgs, m)
		}
	}
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
		if q != p && audited[q] {
			if reported[q] {
				why := "which cannot be analysed"
				if onlyCodeErrors(q, audited) {
					why = "which does not compile"
				}
				add("depends on " + q.PkgPath + ", " + why)
				return false
			}
			return true // analysed: what p lacks is below it
		}
		for _, e := range q.Errors {
			m := pr.errorText(e)
			if q != p {
				m = "in dependency " + q.PkgPath + ": " + m
			}
			add(m)
		}
		return true
	}, nil)
	if len(msgs) == 0 {
		return ""
	}
	sort.Strings(msgs)
	if len(msgs) > 3 {
		msgs = append(msgs[:3], fmt.Sprintf("and %d more errors", len(msgs)-3))
	}
	return strings.Join(msgs, "; ")
}

// errorText is e with its file made relative to the module root.
func (pr *program) errorText(e packages.Error) string {
	if e.Pos == "" || e.Pos == "-" {
		return e.Msg
	}
	file, rest := e.Pos, "" // file:line:col or file:line
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		if _, err := strconv.Atoi(file[i+1:]); err != nil {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	if filepath.IsAbs(file) {
		file = pr.rel(file)
	}
	return file + rest + ": " + e.Msg
}

// progress shows what the audit is doing on one terminal line, which the
// next call overwrites; an empty message clears it.
func progress(w io.Writer, msg string) {
	if w == nil {
		return
	}
	if msg == "" {
		fmt.Fprint(w, "\r\033[K")
		return
	}
	fmt.Fprintf(w, "\r\033[Koneway: %s", msg)
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, "oneway: "+format+"\n", args...)
	}
}

// RunRevision audits the code at a commit of the repository holding
// o.Dir: the same packages (o.Dir's place in the work tree, o.Patterns),
// in a temporary work tree that checkout makes and removes, or from the
// cache when the same commit was audited with the same policy, settings
// and oneway (a series of revisions costs nothing the second time).
func RunRevision(ctx context.Context, o Options, commit string, checkout func() (dir string, remove func(), err error)) (*report.Report, error) {
	if o.Policy == nil {
		return nil, errors.New("audit: no policy")
	}
	patterns := o.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	top, err := gitrev.Toplevel(ctx, o.Dir)
	if err != nil {
		return nil, err
	}
	here, err := filepath.EvalSymlinks(o.Dir)
	if err != nil {
		return nil, err
	}
	sub, err := filepath.Rel(top, here)
	if err != nil {
		return nil, err
	}
	exe := o.Executable
	if exe == nil {
		exe = sync.OnceValue(engine.ExecutableKey)
	}
	c := o.cache()
	var (
		key   cache.Key
		env   map[string]string
		keyed bool
	)
	if c != nil {
		if key, env, keyed = revisionKey(ctx, o, patterns, top, commit, filepath.ToSlash(sub), exe()); keyed {
			if data, ok := c.Get(resultsKind, key); ok {
				if rep, err := decodeReport(data); err == nil {
					return rep, nil
				}
			}
		}
	}
	dir, remove, err := checkout()
	if err != nil {
		return nil, err
	}
	defer remove()
	at := o
	at.Dir, at.Transient, at.Executable = filepath.Join(dir, sub), true, exe
	rep, read, err := runReading(ctx, at)
	if err != nil || !keyed || !cacheable(rep) {
		return rep, err
	}
	// The commit fixes the work tree's files only: code read from
	// elsewhere (a replace directive naming a directory outside the
	// repository) may change while the commit stays.
	tree, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return rep, nil
	}
	inTree := func(real string) bool { return within(real, tree) }
	if d, ok := covered(env, read, inTree); !ok {
		logf(o.Log, "the report of %s is not cached: the commit does not cover %s", commit, d)
		return rep, nil
	}
	if data, err := encodeReport(rep); err == nil {
		_ = c.Put(resultsKind, key, data) // a failed write is a later miss
	}
	return rep, nil
}
