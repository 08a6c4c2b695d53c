package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"

	"github.com/oneway-lint/oneway/internal/cache"
	"github.com/oneway-lint/oneway/internal/engine"
	"github.com/oneway-lint/oneway/internal/gitrev"
)

// The results cache: a re-audit of unchanged code returns the report of
// the last audit without loading anything. docs/cache.md states what the
// key covers; in short:
//
//   - the key is made of oneway's executable, its options and policy,
//     the go command's settings (go env), and the state of the code: the
//     contents of every build file below the main modules, the
//     directories that replace directives point to (symbolic links
//     resolved), go.work and go.work.sum, a workspace's vendor
//     directory, and the git tags of the main modules;
//   - the state is read before the packages load, and read again after
//     the audit: a report is stored only if nothing changed meanwhile;
//   - a report is stored only if every package the audit read from
//     source lies in a directory the state covers, in the module cache
//     (whose contents go.sum vouches for) or in GOROOT (its version is in
//     the key). Anything else — a package directory linked from outside
//     the module, a file the go command was pointed at by an overlay —
//     and the report is not stored.
//
// Files are over-approximated (a test file or an ignored directory
// changes the key too): a change can cause a needless miss, never a
// wrong hit. Reports with package problems are not stored: a missing
// module or a network failure may be gone on the next run without any
// file changing.

// resultsKind names the cache's entries of whole reports.
const resultsKind = cache.KindResults

// resultsVersion changes when the key or the encoding changes.
const resultsVersion = 2

// goEnvVars are the go command's settings the key includes.
var goEnvVars = []string{
	"GOVERSION", "GOROOT", "GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT", "GOMOD", "GOWORK",
	"GO111MODULE", "GOPATH", "GOMODCACHE", "GOTOOLCHAIN", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS",
	"GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM", "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS",
}

// goCacheVar is read beside goEnvVars but not part of the key: the
// build cache only holds files derived from the others (cgo's output).
const goCacheVar = "GOCACHE"

// buildFile reports whether the go command may read a file of this name
// when it builds (or lists) a package.
func buildFile(name string) bool {
	switch name {
	case "go.mod", "go.sum", "go.work", "go.work.sum", "modules.txt":
		return true
	}
	switch filepath.Ext(name) {
	case ".go", ".s", ".S", ".sx", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx",
		".m", ".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx":
		return true
	}
	return false
}

// resultsKey is the key of an audit's report, with what it takes to
// check, after the audit, that the key still describes the code.
type resultsKey struct {
	key    cache.Key // the report's key, once sealed
	fixed  cache.Key // everything but the executable and the code's state
	state  cache.Key // the code's state: files and git tags
	env    map[string]string
	mains  []string        // the main modules' directories (real paths)
	trees  []string        // the directories hashed: mains, replace targets, a workspace's vendor
	files  []string        // single files hashed: go.work, go.work.sum
	walked map[string]bool // every directory the state covers (real paths)
}

// commitFixes reports whether a commit of the repository at top fixes
// the build files the go command's settings env make it read: no overlay
// or other go.mod named in GOFLAGS, no go.work outside top.
func commitFixes(env map[string]string, top string) bool {
	flags := env["GOFLAGS"]
	if strings.Contains(flags, "-modfile") || strings.Contains(flags, "-overlay") {
		return false
	}
	gw := env["GOWORK"]
	return gw == "" || gw == "off" || within(gw, top)
}

// newResultsKey reads everything the key of an audit with options o is
// made of but oneway's executable, or returns false when the audit's
// inputs cannot be known without loading (no module, an overlay or
// another go.mod named in GOFLAGS, a go.mod or go.work that does not
// parse). It must run before the packages load.
func newResultsKey(ctx context.Context, o Options, patterns []string) (*resultsKey, bool) {
	if o.Policy == nil {
		return nil, false
	}
	env, err := goEnv(ctx, o)
	if err != nil {
		return nil, false
	}
	gomod, flags := env["GOMOD"], env["GOFLAGS"]
	if gomod == "" || gomod == os.DevNull || strings.Contains(flags, "-modfile") || strings.Contains(flags, "-overlay") {
		return nil, false
	}
	k := &resultsKey{env: env}
	var ok bool
	if k.mains, k.trees, k.files, ok = moduleInputs(gomod, env["GOWORK"]); !ok {
		return nil, false
	}
	h := sha256.New()
	fmt.Fprintf(h, "oneway results %d\x00", resultsVersion)
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, false
	}
	fmt.Fprintf(h, "version %q dir %q patterns %q policy file %q hash %q\x00", o.Version, dir, patterns, o.PolicyFile, o.Policy.Hash)
	pol, err := json.Marshal(o.Policy) // the effective settings, overrides included
	if err != nil {
		return nil, false
	}
	h.Write(pol)
	if o.History {
		// The change log read is the year before HEAD: a new commit
		// changes it without changing a file.
		head, err := gitrev.Resolve(ctx, dir, "HEAD")
		if err != nil {
			return nil, false
		}
		fmt.Fprintf(h, "history head %q\x00", head)
	}
	for _, v := range goEnvVars {
		fmt.Fprintf(h, "%s=%q\x00", v, env[v])
	}
	copy(k.fixed[:], h.Sum(nil))
	if k.state, k.walked, ok = k.snapshot(ctx); !ok {
		return nil, false
	}
	return k, true
}

// seal makes the key of the report from the executable's hash.
func (k *resultsKey) seal(exe []byte) {
	h := sha256.New()
	h.Write(k.fixed[:])
	h.Write(exe)
	h.Write(k.state[:])
	copy(k.key[:], h.Sum(nil))
}

// snapshot hashes the state of the code: the build files below the
// trees, the single files, the main modules' git tags. It returns the
// directories it walked.
func (k *resultsKey) snapshot(ctx context.Context) (cache.Key, map[string]bool, bool) {
	var sum cache.Key
	// The git commands run while the files are hashed.
	var tags bytes.Buffer
	tagsOK := make(chan bool, 1)
	go func() {
		for _, d := range k.mains {
			t, ok := gitrev.Tags(ctx, d)
			if ctx.Err() != nil {
				tagsOK <- false // not known: git was cut short
				return
			}
			fmt.Fprintf(&tags, "tags %q %v %q\x00", d, ok, t)
		}
		tagsOK <- true
	}()
	h := sha256.New()
	walked := map[string]bool{}
	ok := true
	for _, d := range k.trees {
		ok = ok && hashTree(h, d, walked) == nil
	}
	for _, f := range k.files {
		ok = ok && hashFile(h, f) == nil
	}
	if !<-tagsOK || !ok {
		return sum, nil, false
	}
	h.Write(tags.Bytes())
	copy(sum[:], h.Sum(nil))
	return sum, walked, true
}

// unchanged reports whether the code is still in the state the key was
// made from.
func (k *resultsKey) unchanged(ctx context.Context) bool {
	again, _, ok := k.snapshot(ctx)
	return ok && again == k.state
}

// covers returns the first directory of dirs (those the audit read
// packages from) that the key does not cover, if any: one outside the
// walked trees, the module cache, GOROOT and the build cache.
func (k *resultsKey) covers(dirs []string) (string, bool) {
	return covered(k.env, dirs, func(real string) bool { return k.walked[real] })
}

// covered returns the first directory of dirs that is neither in a
// directory whose contents the go command's settings env fix (GOROOT,
// the module cache, the build cache) nor, with symbolic links resolved,
// one that fixed reports as fixed otherwise.
func covered(env map[string]string, dirs []string, fixed func(real string) bool) (string, bool) {
	var roots []string // contents fixed by the settings
	for _, v := range []string{"GOROOT", "GOMODCACHE", goCacheVar} {
		if d := env[v]; d != "" {
			roots = append(roots, d)
			if real, err := filepath.EvalSymlinks(d); err == nil && real != d {
				roots = append(roots, real)
			}
		}
	}
	for _, d := range dirs {
		if slices.ContainsFunc(roots, func(root string) bool { return within(d, root) }) {
			continue
		}
		real, err := filepath.EvalSymlinks(d)
		if err != nil || !fixed(real) {
			return d, false
		}
	}
	return "", true
}

// goEnv returns the go command's settings in the audit's directory and
// environment.
func goEnv(ctx context.Context, o Options) (map[string]string, error) {
	cmd := exec.CommandContext(ctx, "go", append(append([]string{"env", "-json"}, goEnvVars...), goCacheVar)...)
	cmd.Dir = o.Dir
	if o.Env != nil {
		cmd.Env = o.Env
	}
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	env := map[string]string{}
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, err
	}
	return env, nil
}

// moduleInputs returns the directories of the main modules (of go.work,
// or the one of go.mod), the trees to hash (those, the directories their
// replace directives point to, and a workspace's vendor directory), and
// the single files to hash (go.work and go.work.sum), all with symbolic
// links resolved.
func moduleInputs(gomod, gowork string) (mains, trees, files []string, ok bool) {
	var replaced []string
	if gowork != "" && gowork != "off" {
		data, err := os.ReadFile(gowork)
		if err != nil {
			return nil, nil, nil, false
		}
		wf, err := modfile.ParseWork(gowork, data, nil)
		if err != nil {
			return nil, nil, nil, false
		}
		wdir := filepath.Dir(gowork)
		for _, u := range wf.Use {
			mains = append(mains, absFrom(wdir, u.Path))
		}
		replaced = append(replaced, replacedDirs(wdir, wf.Replace)...)
		files = append(files, gowork, filepath.Join(wdir, "go.work.sum"))
		replaced = append(replaced, filepath.Join(wdir, "vendor")) // go work vendor
	} else {
		mains = []string{filepath.Dir(gomod)}
	}
	for _, m := range mains {
		name := filepath.Join(m, "go.mod")
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, nil, false
		}
		// Parse, not ParseLax: the lax parser drops replace directives.
		mf, err := modfile.Parse(name, data, nil)
		if err != nil {
			return nil, nil, nil, false
		}
		replaced = append(replaced, replacedDirs(m, mf.Replace)...)
	}
	var err error
	if mains, err = realPaths(mains); err != nil {
		return nil, nil, nil, false
	}
	if replaced, err = realPaths(replaced); err != nil {
		return nil, nil, nil, false
	}
	trees = append(slices.Clone(mains), replaced...)
	sort.Strings(trees)
	return mains, slices.Compact(trees), files, true
}

// realPaths resolves the symbolic links in each of paths, sorted and
// without duplicates; a path that does not exist is left out.
func realPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		real, err := filepath.EvalSymlinks(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, real)
	}
	sort.Strings(out)
	return slices.Compact(out), nil
}

// replacedDirs returns the directories that replace directives of a
// file in dir point to.
func replacedDirs(dir string, rs []*modfile.Replace) []string {
	var out []string
	for _, r := range rs {
		if modfile.IsDirectoryPath(r.New.Path) {
			out = append(out, absFrom(dir, r.New.Path))
		}
	}
	return out
}

func absFrom(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

// hashTree hashes the names and contents of the build files below root
// (a real path), leaving out directories the go command never reads
// packages from (named .something) and nested modules (which only a
// replace directive or a workspace brings in, and then they are hashed
// on their own). Symbolic links to directories are not followed: a
// package read through one is not covered (see covers). Every directory
// walked is added to walked. The files are read in parallel: on large
// trees the system calls dominate.
func hashTree(h hash.Hash, root string, walked map[string]bool) error {
	fmt.Fprintf(h, "tree %q\x00", root)
	var files []string
	if err := listTree(root, root, walked, &files); err != nil {
		return err
	}
	sums := make([][]byte, len(files))
	errs := make([]error, len(files))
	g := engine.Parallel()
	for i, f := range files {
		g.Go(func() error {
			sums[i], errs[i] = contentHash(f)
			return nil
		})
	}
	_ = g.Wait() // each file's error is in errs
	for i, f := range files {
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(h, "%q ", filepath.ToSlash(rel))
		switch err := errs[i]; {
		case err == nil:
			fmt.Fprintf(h, "%x\x00", sums[i])
		case errors.Is(err, fs.ErrNotExist):
			// A dangling link is no file; a file deleted since the
			// directory was read changes the state all the same.
			fmt.Fprintf(h, "absent\x00")
		default:
			return err
		}
	}
	return nil
}

// listTree appends the build files below dir to files, in lexical order,
// and the directories it walks to walked (see hashTree).
func listTree(root, dir string, walked map[string]bool, files *[]string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && dir != root {
			return nil // removed meanwhile: the state differs anyway
		}
		return err
	}
	if dir != root && slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == "go.mod" }) {
		return nil // a nested module
	}
	walked[dir] = true
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
			if strings.HasPrefix(name, ".") {
				continue
			}
			if err := listTree(root, filepath.Join(dir, name), walked, files); err != nil {
				return err
			}
		case buildFile(name):
			*files = append(*files, filepath.Join(dir, name))
		}
	}
	return nil
}

// hashFile hashes the name and contents of one file, or its absence.
func hashFile(h hash.Hash, name string) error {
	fmt.Fprintf(h, "file %q ", name)
	sum, err := contentHash(name)
	switch {
	case err == nil:
		fmt.Fprintf(h, "%x\x00", sum)
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(h, "absent\x00")
	default:
		return err
	}
	return nil
}

// contentHash returns the SHA-256 of a file's contents. Only regular
// files are read (a FIFO would block, a device never end).
func contentHash(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	sum := sha256.New()
	buf := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(buf)
	// Through the buffer: a file's WriteTo would take a new one for
	// every file (the module's files are hashed twice an audit).
	if _, err := io.CopyBuffer(sum, struct{ io.Reader }{f}, *buf); err != nil {
		return nil, err
	}
	return sum.Sum(nil), nil
}

// hashBuffers are contentHash's buffers.
var hashBuffers = sync.Pool{New: func() any {
	b := make([]byte, 32<<10)
	return &b
}}

// revisionKey is the key of the report on a commit of the repository
// holding o.Dir (RunRevision): the commit stands for the code, sub for the
// directory audited below the work tree's top, and the go command's
// settings, the policy, the patterns and oneway for the rest, as in
// newResultsKey. The paths of the work tree are not in it: every
// temporary work tree of the commit has the same key. As newResultsKey,
// it refuses what the commit does not fix: an overlay or another go.mod
// named in GOFLAGS, and a go.work outside the repository (top). It also
// returns the go command's settings it read: a report is stored under
// the key only if the commit covers what the audit read (see covered).
func revisionKey(ctx context.Context, o Options, patterns []string, top, commit, sub string, exe []byte) (cache.Key, map[string]string, bool) {
	env, err := goEnv(ctx, o)
	if err != nil || o.Policy == nil || exe == nil || !commitFixes(env, top) {
		return cache.Key{}, nil, false
	}
	pol, err := json.Marshal(o.Policy)
	if err != nil {
		return cache.Key{}, nil, false
	}
	h := sha256.New()
	fmt.Fprintf(h, "oneway revision results %d\x00", resultsVersion)
	fmt.Fprintf(h, "version %q commit %q sub %q patterns %q history %t policy hash %q\x00", o.Version, commit, sub, patterns, o.History, o.Policy.Hash)
	h.Write(pol)
	for _, v := range goEnvVars {
		if v != "GOMOD" && v != "GOWORK" { // paths of the work tree
			fmt.Fprintf(h, "%s=%q\x00", v, env[v])
		}
	}
	tags, _ := gitrev.Tags(ctx, o.Dir)
	fmt.Fprintf(h, "tags %q\x00", tags)
	h.Write(exe)
	var k cache.Key
	copy(k[:], h.Sum(nil))
	return k, env, true
}
