package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
)

// Listing the graph: one go list that neither compiles nor runs cgo.
//
// packages.Load with the fields the loader needs runs three go commands
// (the go version, the type sizes, and go list -compiled), and
// -compiled makes the go command prepare every package's compiled files,
// running or looking up cgo for each package that uses it: on a code base
// of a thousand packages that is half of the listing's cost (gitness
// 1.16 s with it, 0.68 s without). Only the packages that use cgo (or
// SWIG) have compiled files other than their Go files; listGraph lists
// without -compiled and names them, and the loader gets their compiled
// files where it needs them (compiledFiles, the export data listing).
//
// listGraph builds the packages as go/packages' go list driver does —
// the same fields, errors and import graph — for the case it handles:
// no test variants, no overlay, no external driver, no query patterns,
// a go list that succeeds. For any other it returns no graph and the
// loader lists with packages.Load.

// listFields are the fields of go list's output the loader reads: those
// go/packages asks for with listMode, without the compiled files.
const listFields = "Name,ImportPath,Error,Dir,GoFiles,IgnoredGoFiles,IgnoredOtherFiles,CFiles,CgoFiles,CXXFiles,MFiles," +
	"HFiles,FFiles,SFiles,SwigFiles,SwigCXXFiles,SysoFiles,DepOnly,Imports,ImportMap,Module"

// listedPackage is one package of go list's output.
type listedPackage struct {
	Name              string
	ImportPath        string
	Dir               string
	GoFiles           []string
	CompiledGoFiles   []string
	IgnoredGoFiles    []string
	IgnoredOtherFiles []string
	CFiles            []string
	CgoFiles          []string
	CXXFiles          []string
	MFiles            []string
	HFiles            []string
	FFiles            []string
	SFiles            []string
	SwigFiles         []string
	SwigCXXFiles      []string
	SysoFiles         []string
	Imports           []string
	ImportMap         map[string]string
	Module            *packages.Module
	DepOnly           bool
	Error             *struct {
		ImportStack []string
		Pos         string
		Err         string
	}
}

// compiled reports whether p's compiled files are other than its Go
// files: it uses cgo or SWIG.
func (p *listedPackage) compiled() bool {
	return len(p.CgoFiles) > 0 || len(p.SwigFiles) > 0 || len(p.SwigCXXFiles) > 0
}

// graph is what listGraph found.
type graph struct {
	roots []*packages.Package
	// all are the packages listed, sorted by ID: those the roots import,
	// and those only the imports cgo adds lead to.
	all []*packages.Package
	// cgo are the packages whose compiled files and imports go list
	// gives only with -compiled (the loader must get them elsewhere),
	// with the import paths it listed for them.
	cgo map[*packages.Package]map[string]bool
}

// errPackagesLists: a case listGraph leaves to packages.Load.
var errPackagesLists = errors.New("listed by packages.Load")

// listGraph lists the packages patterns match and their dependencies as
// packages.Load(cfg with listMode) does, without compiled files for the
// packages in g.cgo; goEnv, the go command's settings when known (go
// env), spares asking it for the type sizes. errPackagesLists:
// packages.Load must list.
func listGraph(cfg *packages.Config, patterns []string, goEnv map[string]string) (*graph, error) {
	flags := buildFlags(cfg, goEnv)
	if !ownListing(cfg, patterns, flags) {
		return nil, errPackagesLists
	}
	sizes := make(chan types.Sizes, 1)
	if goarch := goEnv["GOARCH"]; goarch != "" && !hasFlag(flags, "-compiler") {
		sizes <- types.SizesFor("gc", goarch)
	} else {
		go func() { sizes <- typeSizes(cfg) }()
	}
	out, _, err := runGo(cfg, listArgs(cfg, listFields, false, patterns)...)
	sz := <-sizes
	if err != nil || sz == nil {
		// go list failed (a bad pattern, no module, an old go command):
		// go/packages turns each such failure into its own error.
		return nil, errPackagesLists
	}
	listed, err := decodeListed(out)
	if err != nil {
		return nil, err
	}
	return buildGraph(listed, workDir(cfg), sz)
}

// listArgs returns the arguments of a go list of patterns with fields,
// their dependencies too unless compiled (which lists the compiled files
// of patterns alone), as go/packages' driver passes them.
func listArgs(cfg *packages.Config, fields string, compiled bool, patterns []string) []string {
	args := []string{"list", "-e", "-json=" + fields, fmt.Sprintf("-compiled=%t", compiled), "-test=false", "-export=false",
		fmt.Sprintf("-deps=%t", !compiled), "-find=false", "-buildvcs=false", "-pgo=off"}
	args = append(args, cfg.BuildFlags...)
	return append(append(args, "--"), patterns...)
}

// decodeListed decodes go list's output.
func decodeListed(out []byte) ([]*listedPackage, error) {
	var listed []*listedPackage
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		p := new(listedPackage)
		if err := dec.Decode(p); err != nil {
			return nil, fmt.Errorf("JSON decoding failed: %w", err)
		}
		listed = append(listed, p)
	}
	return listed, nil
}

// ownListing reports whether listGraph handles a load of patterns with
// cfg and the build flags flags (go/packages' go list driver does the
// same as it).
func ownListing(cfg *packages.Config, patterns, flags []string) bool {
	if cfg.Tests || len(cfg.Overlay) > 0 || externalDriver(cfg) || len(patterns) == 0 {
		return false
	}
	for _, p := range patterns {
		if strings.Contains(p, "=") || strings.HasSuffix(p, ".go") {
			return false // a query (file=…) or files named: go/packages' special cases
		}
	}
	// Coverage instruments the compiled files of every package.
	return !hasFlag(flags, "-cover")
}

// buildFlags returns the build flags the go command applies: cfg's and
// those of GOFLAGS — from goEnv when known (go env, which includes the go
// command's configuration file), else from cfg's environment.
func buildFlags(cfg *packages.Config, goEnv map[string]string) []string {
	goflags, ok := goEnv["GOFLAGS"]
	if !ok {
		goflags = env(cfg, "GOFLAGS")
	}
	return append(slices.Clone(cfg.BuildFlags), strings.Fields(goflags)...)
}

// hasFlag reports whether one of flags is name or starts with it (-cover
// covering -coverpkg and -covermode).
func hasFlag(flags []string, name string) bool {
	return slices.ContainsFunc(flags, func(f string) bool {
		return strings.HasPrefix(strings.TrimLeft(f, "-"), strings.TrimLeft(name, "-"))
	})
}

// externalDriver reports whether go/packages would ask an external
// driver (GOPACKAGESDRIVER, or gopackagesdriver on PATH) to list.
func externalDriver(cfg *packages.Config) bool {
	switch tool := env(cfg, "GOPACKAGESDRIVER"); tool {
	case "off":
		return false
	case "":
		_, err := exec.LookPath("gopackagesdriver")
		return err == nil
	default:
		return true
	}
}

// env returns the value of the variable name in the go command's
// environment (the last setting wins, as for the go command).
func env(cfg *packages.Config, name string) string {
	list := cfg.Env
	if list == nil {
		list = os.Environ()
	}
	value := ""
	for _, kv := range list {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			value = v
		}
	}
	return value
}

// workDir is the directory the go command runs in: cfg.Dir, or the
// current one (go/packages' default).
func workDir(cfg *packages.Config) string {
	if cfg.Dir == "" {
		dir, _ := os.Getwd()
		return dir
	}
	return cfg.Dir
}

// typeSizes asks the go command for the compiler and GOARCH it builds
// with, as go/packages does; nil if it cannot tell.
func typeSizes(cfg *packages.Config) types.Sizes {
	args := append([]string{"list"}, cfg.BuildFlags...)
	out, _, err := runGo(cfg, append(args, "-f", "{{context.GOARCH}} {{context.Compiler}}", "--", "unsafe")...)
	if err != nil {
		return nil
	}
	f := strings.Fields(string(out))
	if len(f) < 2 {
		return nil
	}
	return types.SizesFor(f[1], f[0])
}

// buildGraph makes packages of go list's output as go/packages does:
// absolute file names, the import graph without edges to packages not
// listed or closing a cycle, list errors. errPackagesLists for output
// go/packages corrects with its workarounds (duplicate packages, absolute
// import paths).
func buildGraph(listed []*listedPackage, dir string, sizes types.Sizes) (*graph, error) {
	byID := map[string]*packages.Package{}
	stubs := map[*packages.Package][]importStub{}
	g := &graph{cgo: map[*packages.Package]map[string]bool{}}
	for _, p := range listed {
		if p.ImportPath == "" || filepath.IsAbs(p.ImportPath) || byID[p.ImportPath] != nil {
			return nil, errPackagesLists
		}
		pkg := newListedPackage(p, dir)
		pkg.TypesSizes = sizes
		byID[pkg.ID] = pkg
		g.all = append(g.all, pkg)
		stubs[pkg] = importStubs(p)
		if p.compiled() {
			listed := map[string]bool{}
			for _, s := range stubs[pkg] {
				listed[s.path] = true
			}
			g.cgo[pkg] = listed
		}
		if !p.DepOnly {
			g.roots = append(g.roots, pkg)
		}
	}
	// The import graph, depth first from the roots as go/packages
	// builds it: an edge to a package not listed or to one on the stack
	// is left out (the type-checker reports it). Then the packages only
	// cgo's imports lead to.
	const (
		white = iota
		grey
		black
	)
	color := map[*packages.Package]int{}
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if color[p] != white {
			return
		}
		color[p] = grey
		p.Imports = map[string]*packages.Package{}
		for _, s := range stubs[p] {
			ip := byID[s.id]
			if ip == nil || color[ip] == grey {
				continue
			}
			visit(ip)
			p.Imports[s.path] = ip
		}
		color[p] = black
	}
	slices.SortFunc(g.all, func(a, b *packages.Package) int { return strings.Compare(a.ID, b.ID) })
	for _, p := range slices.Concat(g.roots, g.all) {
		visit(p)
	}
	return g, nil
}

// importStub is one import of a listed package: the path it is imported
// by and the ID of the package.
type importStub struct{ path, id string }

// importStubs returns p's imports sorted by path, "C" left out, as
// go/packages maps them: through ImportMap where it differs.
func importStubs(p *listedPackage) []importStub {
	ids := map[string]bool{}
	for _, id := range p.Imports {
		ids[id] = true
	}
	var out []importStub
	for path, id := range p.ImportMap {
		out = append(out, importStub{path, id})
		delete(ids, id)
	}
	for id := range ids {
		if id != "C" {
			out = append(out, importStub{id, id})
		}
	}
	slices.SortFunc(out, func(a, b importStub) int { return strings.Compare(a.path, b.path) })
	return out
}

// newListedPackage converts p as go/packages' go list driver does.
func newListedPackage(p *listedPackage, dir string) *packages.Package {
	pkg := &packages.Package{
		Name:         p.Name,
		ID:           p.ImportPath,
		PkgPath:      strings.Split(p.ImportPath, " ")[0], // without a test variant's " [q.test]"
		Dir:          p.Dir,
		GoFiles:      absJoin(p.Dir, p.GoFiles, p.CgoFiles),
		OtherFiles:   absJoin(p.Dir, p.CFiles, p.CXXFiles, p.MFiles, p.HFiles, p.FFiles, p.SFiles, p.SwigFiles, p.SwigCXXFiles, p.SysoFiles),
		IgnoredFiles: absJoin(p.Dir, p.IgnoredGoFiles, p.IgnoredOtherFiles),
		Module:       p.Module,
	}
	pkg.CompiledGoFiles = compiledGoFiles(p)
	if pkg.PkgPath == "unsafe" {
		pkg.CompiledGoFiles = nil
	} else if len(pkg.CompiledGoFiles) == 0 {
		pkg.CompiledGoFiles = slices.Clone(pkg.GoFiles)
	}
	// go/packages' workaround for golang.org/issue/39986: a package whose
	// files do not parse may be listed without them; the file named in
	// the error is added back.
	if e := p.Error; e != nil && len(p.GoFiles) == 0 && len(p.CompiledGoFiles) == 0 &&
		(len(e.ImportStack) == 0 || e.ImportStack[len(e.ImportStack)-1] == p.ImportPath) {
		if !addFileFromPosition(pkg, e.Pos, dir) {
			addFileFromPosition(pkg, e.Err, dir)
		}
	}
	if e := p.Error; e != nil {
		msg := strings.TrimSpace(e.Err)
		if (msg == "import cycle not allowed" || msg == "import cycle not allowed in test") && len(e.ImportStack) != 0 {
			stack := make([]string, len(e.ImportStack))
			for i, s := range e.ImportStack {
				stack[i] = strings.TrimSuffix(s, " (test)")
			}
			msg += fmt.Sprintf(": import stack: %v", stack)
		}
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: e.Pos, Msg: msg, Kind: packages.ListError})
	}
	return pkg
}

// compiledGoFiles returns p's compiled Go files as go/packages keeps
// them: absolute, without the assembly, C and C++ files the go command
// puts among them (golang.org/issue/28749; a file of the build cache has
// no extension).
func compiledGoFiles(p *listedPackage) []string {
	var out []string
	for _, f := range absJoin(p.Dir, p.CompiledGoFiles) {
		if ext := filepath.Ext(f); ext == ".go" || ext == "" {
			out = append(out, f)
		}
	}
	return out
}

// addFileFromPosition adds the file a position (file:line:col) names
// to pkg's files, if it exists.
func addFileFromPosition(pkg *packages.Package, pos, dir string) bool {
	name := strings.TrimSpace(strings.Split(pos, ":")[0])
	if name == "" {
		return false
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(dir, name)
	}
	if _, err := os.Stat(name); err != nil {
		return false
	}
	pkg.CompiledGoFiles = append(pkg.CompiledGoFiles, name)
	pkg.GoFiles = append(pkg.GoFiles, name)
	return true
}

// absJoin makes the files of lists absolute, in one list.
func absJoin(dir string, lists ...[]string) []string {
	var out []string
	for _, list := range lists {
		for _, f := range list {
			if !filepath.IsAbs(f) {
				f = filepath.Join(dir, f)
			}
			out = append(out, f)
		}
	}
	return out
}

// cgoFiles are a cgo package's compiled files and imports, as go list
// -compiled gives them (imports by path: the IDs of the packages).
type cgoFiles struct {
	CompiledGoFiles []string
	Imports         map[string]string
}

// compiledFiles asks the go command for the compiled files of packages
// (import paths) that use cgo, without their dependencies'. A package
// with an error, or without compiled files (cgo failed, for it or a
// dependency), is left out: the loader then lists with packages.Load,
// which reports it as go/packages does.
func compiledFiles(cfg *packages.Config, paths []string) (map[string]cgoFiles, error) {
	out, stderr, err := runGo(cfg, listArgs(cfg, "ImportPath,Error,Dir,CompiledGoFiles,Imports,ImportMap", true, paths)...)
	if err != nil {
		return nil, fmt.Errorf("go list -compiled: %w: %s", err, bytes.TrimSpace(stderr))
	}
	listed, err := decodeListed(out)
	if err != nil {
		return nil, err
	}
	files := map[string]cgoFiles{}
	for _, p := range listed {
		compiled := compiledGoFiles(p)
		if p.Error != nil || len(compiled) == 0 {
			continue
		}
		imports := map[string]string{}
		for _, s := range importStubs(p) {
			imports[s.path] = s.id
		}
		files[p.ImportPath] = cgoFiles{CompiledGoFiles: compiled, Imports: imports}
	}
	return files, nil
}

// runGo runs the go command with cfg's directory and environment, as
// go/packages does, and returns its output.
func runGo(cfg *packages.Config, args ...string) (stdout, stderr []byte, err error) {
	ctx := cfg.Context
	if ctx == nil {
		ctx = context.Background()
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Env = cfg.Env
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	if dir := workDir(cfg); dir != "" {
		cmd.Dir = dir
		// The go command reports paths below PWD as PWD spells them
		// (symbolic links kept), as go/packages has it.
		cmd.Env = append(slices.Clip(cmd.Env), "PWD="+dir)
	}
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	return out.Bytes(), errOut.Bytes(), err
}
