package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/atomicfile"
	"github.com/oneway-lint/oneway/internal/audit"
	"github.com/oneway-lint/oneway/policy"
)

func runInit(ctx context.Context, args []string, env Env) int {
	fs := newFlagSet("init", env, "oneway init [-C DIR] [-force] [-o FILE] [packages]")
	force := fs.Bool("force", false, "overwrite an existing file")
	out := fs.String("o", ".oneway.yml", "the file to write (- for standard output)")
	chdir := chdirFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if code, ok := applyChdir(&env, *chdir); !ok {
		return code
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	cfg := &packages.Config{Context: ctx, Mode: packages.NeedName | packages.NeedModule | packages.NeedImports, Dir: env.Dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintf(env.Stderr, "oneway: listing packages: %v\n", err)
		return ExitAnalysis
	}
	var mods []component.Module
	seen := map[string]bool{}
	var paths []string
	for _, p := range pkgs {
		if p.Module == nil || !p.Module.Main {
			continue
		}
		if !seen[p.Module.Path] {
			seen[p.Module.Path] = true
			mods = append(mods, component.Module{Path: p.Module.Path, Dir: p.Module.Dir})
		}
		paths = append(paths, p.PkgPath)
	}
	if len(paths) == 0 {
		fmt.Fprintf(env.Stderr, "oneway: no packages of a main module match %s\n", strings.Join(patterns, " "))
		return ExitUsage
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	imports := audit.ImportGraph(pkgs)
	res := component.NewResolver(nil, mods).Infer(imports)
	data := StarterPolicy(res.Defaults(paths), observedSurfaces(res, imports, len(mods) > 1))
	if _, err := policy.Parse("starter policy", data, family.Rules(env.families())); err != nil {
		fmt.Fprintf(env.Stderr, "oneway: internal error: the starter policy does not parse:\n%v\n", err)
		return ExitAnalysis
	}

	if *out == "-" {
		if _, err := env.Stdout.Write(data); err != nil {
			fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
			return ExitAnalysis
		}
		return ExitClean
	}
	path := *out
	if !filepath.IsAbs(path) {
		path = filepath.Join(env.Dir, path)
	}
	write := atomicfile.Create
	if *force {
		write = atomicfile.Write
	}
	if err := write(path, data, 0o644); err != nil {
		if errors.Is(err, atomicfile.ErrExists) {
			fmt.Fprintf(env.Stderr, "oneway: %s already exists; use -force to overwrite it\n", *out)
		} else {
			fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
		}
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "wrote %s with %d components\n", *out, len(StarterComponents(data)))
	return ExitClean
}

var nameBad = regexp.MustCompile(`[^a-z0-9._/-]+`)

// observedSurfaces returns, per component, the packages other components
// import today, sorted: the starter policy makes them its public surface,
// so that the first audit reports no internal reach and every later reach
// into another package is a decision. Paths are module-relative, or full
// import paths when there are several modules.
func observedSurfaces(res *component.Resolver, imports map[string][]string, full bool) map[string][]string {
	seen := map[string]map[string]bool{}
	for pkg, deps := range imports {
		from := res.Resolve(pkg).Component
		for _, d := range deps {
			to := res.Resolve(d)
			if to.Component == "" || to.Component == from {
				continue
			}
			p := to.Rel
			if full || p == "" {
				p = d
			}
			if seen[to.Component] == nil {
				seen[to.Component] = map[string]bool{}
			}
			seen[to.Component][p] = true
		}
	}
	out := map[string][]string{}
	for c, ps := range seen {
		for p := range ps {
			out[c] = append(out[c], p)
		}
		sort.Strings(out[c])
	}
	return out
}

// StarterPolicy renders the starter policy for the given components and
// their public surfaces (by component name).
func StarterPolicy(comps []component.DefaultComponent, public map[string][]string) []byte {
	var b bytes.Buffer
	b.WriteString(`# oneway policy: which one-way doors are worth paying for now.
# Every key is described in the example policy shipped with oneway;
# 'oneway rules' lists the rules that 'rules:' can tune.
version: 1

# explore | traction | scale: presets of thresholds and weights.
# At explore only doors that touch clients or data at rest are invest-now;
# at scale coupling inside the code base counts too.
stage: traction

# Components group packages; globs are relative to the module root.
# These were detected from the directory layout (directories below a
# container such as internal/ that import each other are one component):
# rename, merge, split and set criticality (low | normal | high) as your
# architecture has it.
components:
`)
	used := map[string]bool{}
	for _, c := range comps {
		name := nameBad.ReplaceAllString(strings.ToLower(c.Name), "-")
		name = strings.Trim(name, "-._/")
		if name == "" {
			name = "root"
		}
		for base, i := name, 2; used[name]; i++ {
			name = base + "-" + strconv.Itoa(i)
		}
		used[name] = true
		fmt.Fprintf(&b, "  - name: %s\n", strconv.Quote(name))
		if len(c.Patterns) > 1 {
			b.WriteString("    # these directories import each other: one component\n")
		}
		fmt.Fprintf(&b, "    paths: [%s]\n    criticality: normal\n", quoteList(c.Patterns))
		if ps := public[c.Name]; len(ps) > 0 {
			fmt.Fprintf(&b, "    # imported by other components today; a reach into any other package is a decision\n")
			fmt.Fprintf(&b, "    public: [%s]\n", quoteList(ps))
		}
	}
	b.WriteString(`
# Generated code and other paths oneway should not weigh.
exclude: []
`)
	return b.Bytes()
}

// StarterComponents returns the component names in a starter policy.
func StarterComponents(data []byte) []string {
	var names []string
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "  - name: "); ok {
			if s, err := strconv.Unquote(v); err == nil {
				names = append(names, s)
			}
		}
	}
	return names
}

// quoteList renders strings as the items of a YAML flow sequence.
func quoteList(ss []string) string {
	qs := make([]string, len(ss))
	for i, s := range ss {
		qs[i] = strconv.Quote(s)
	}
	return strings.Join(qs, ", ")
}
