package coupling

import (
	_ "embed"
	"fmt"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// The ids of the family's rules.
const (
	RuleConcreteDependency  = "coupling.concrete-dependency"
	RuleCycle               = "coupling.cycle"
	RuleForbiddenDependency = "coupling.forbidden-dependency"
	RuleInternalReach       = "coupling.internal-reach"
	RuleSharedGlobal        = "coupling.shared-global"
	RuleChangeCoupling      = "coupling.change-coupling"
)

// Rules returns the rules of the coupling family, sorted by id.
func Rules() []finding.Rule {
	return []finding.Rule{
		{
			ID:      RuleChangeCoupling,
			Title:   "components that change together with nothing between them in the code",
			Summary: "two components change in the same commits with no dependency between them, direct or not, and none in common (oneway audit -history)",
			Doc: "Reads the change log of the year before the audited commit (oneway audit -history; no other driver " +
				"reads version control, so the rule decides nothing under go vet, golangci-lint or nogo) and reports " +
				"each pair of components that change in the same commits though neither imports the other: what ties " +
				"them is hidden from the code (a data format both read and write, a protocol, a schema, a " +
				"configuration key, copied code), so every change to one is a change to the other, and no tool " +
				"shows it until a release breaks. The thresholds are code-maat's: each component changed in at " +
				"least min-commits commits, at least min-shared of them together, and those at least min-coupling " +
				"percent of the average of the two components' commits. The log leaves out merges, generated files, " +
				"lockfiles, vendored code and commits of more than 30 files (a reformat, a dependency bump), and " +
				"follows renames; the files of migration packages (named migrations, migrate, migrator…) do not count: " +
				"a migration changes with the schema and the models that map it by design. Only a pair with nothing between them in the code is reported: neither depends " +
				"on the other, directly or through other components, and they depend on no component in common (a " +
				"package of shared types or interfaces both import is the explicit form of what ties them, and a " +
				"feature that changes a service and its handler through one is no hidden coupling). On a dependency " +
				"between them, the decisions on it (concrete-dependency, forbidden-dependency, internal-reach) say " +
				"how often the two changed together instead. The decision sits at the file that changed with the " +
				"other component most often, with the most coupled files of each side as related locations. Make " +
				"the dependency explicit (a package both import, owning the shared format) or remove it. A shallow " +
				"clone holds too little history to decide anything: oneway warns.",
			Weight: 2,
			Global: true,
			Options: []finding.Option{
				{Name: "min-commits", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMinCommits), Doc: "commits each component must have changed in"},
				{Name: "min-shared", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMinShared), Doc: "commits that must have changed both"},
				{Name: "min-coupling", Type: finding.OptionInt, Default: fmt.Sprint(DefaultMinCoupling), Doc: "percent of the average of the two components' commits that changed both"},
			},
		},
		{
			ID:      RuleConcreteDependency,
			Title:   "concrete dependency across a component boundary",
			Summary: "a component holds or builds another component's service types directly",
			Doc: "Reports a component that uses another component's service types (as fields, parameters, " +
				"results, composite literals, type assertions or embedded types). A service type is a struct type " +
				"with behaviour: it has methods and a collaborator in a field without an encoding tag (an interface " +
				"other than error and any, a func, a channel, a sync type, or a struct such as *sql.DB or " +
				"*http.Client that holds one): a store, a client, a cache, a manager. The decision is weighed by " +
				"the uses that bind the dependent to the type itself, which no interface can stand in for: " +
				"composite literals (building its values), embedding (its methods and fields become the " +
				"dependent's), type assertions and switches, and selecting its exported fields. Replacing, faking " +
				"or splitting out the other component means redesigning each of them, and their count grows with " +
				"every commit: one is cheap to undo, sixty across nine packages are not. Uses that only name the " +
				"type (fields, parameters, results, variables of it: a service handed in) are listed but weigh " +
				"nothing: an interface declared where the value is used replaces each mechanically. Depend on an " +
				"interface owned by the dependent side and let the composition root (package main) wire the " +
				"implementation in. Not reported: data " +
				"types (struct types without a collaborator: rows, DTOs, configuration, events, even with helper " +
				"methods; the shared vocabulary of a code base cannot hide behind an interface), struct types " +
				"without fields (stateless: nothing to replace), error types, types declared in generated code " +
				"(protobuf and gRPC messages, sqlc, ent and xo models, mocks in *_mock.go files), calls of another " +
				"component's functions and constructors (a function is no type an interface could stand for; what " +
				"the caller keeps of it, a field or parameter of a service type, is counted), interface types, " +
				"struct types that are part of an exported interface's contract (they appear in its method " +
				"signatures), non-struct named types (enums, IDs), constants, methods reached through a value, " +
				"uses within one component, uses in generated files, test files and test-support packages (a " +
				"directory starting with test, named mock(s), fake(s), e2e or fixture(s), or ending with test or " +
				"tests in a package that imports testing), package main when ignore-main is set, and, in the " +
				"packages the policy names under roots:, files that declare dependency-injection providers (wire.NewSet, " +
				"wire.Build, fx.Provide, fx.Module, dig's Provide), adapters (a package named as the package it " +
				"binds to, or below a directory so named: storage/postgres using database/postgres binds to its " +
				"backend by design), and, in the " +
				"audit, other composition roots: packages imported only by package main and other composition " +
				"roots that hold or build the services of two or more components (a server assembling the " +
				"application, a routes package taking every handler).",
			Weight: 2,
			Options: []finding.Option{{
				Name: "ignore-main", Type: finding.OptionBool, Default: "true",
				Doc: "do not report package main, the composition root that wires components together",
			}},
		},
		{
			ID:      RuleCycle,
			Title:   "dependency cycle between components",
			Summary: "components depend on each other, directly or through other components",
			Doc: "Reports each set of components that depend on each other, directly or through others (a " +
				"strongly connected component of the component graph), with one import of each dependency " +
				"between them. Go forbids import cycles between packages, but cycles between components are " +
				"common and are what blocks releasing, testing or splitting out one component without the " +
				"others: the whole cycle moves as one. What it costs to break is the dependencies that close " +
				"it, not every import among the members: the decision names the back edges of an order of the " +
				"components that puts dependents first (weighted by references, so the light direction of a " +
				"two-way dependency closes it), is sized by their references and packages, and sits at one of " +
				"their imports in hand-written code. Cycles are judged between units: a subdirectory of a " +
				"component whose packages import nothing of the component outside it is a unit of its own (a " +
				"library kept there, which could move out without taking anything with it), and so is package " +
				"main, which nothing imports. A cycle that only the directory layout closes is not reported. Break the cycle by moving the shared types to the " +
				"component that owns them, or by inverting a closing dependency behind an interface. Decided by " +
				"the audit only: one package cannot see the cycle.",
			Weight: 4,
			Global: true,
		},
		{
			ID:      RuleForbiddenDependency,
			Title:   "dependency the policy does not allow",
			Summary: "a component imports a component that the policy's allow rules do not permit",
			Doc: "Reports an import of a package of another component when the policy has allow rules and " +
				"they do not list the depended-upon component for the importing one (a component the allow " +
				"rules do not name may depend on no other; \"*\" allows every component). A dependency against " +
				"the intended layering is cheap to remove while it has few uses and turns the layering into " +
				"fiction once more code builds on it. Remove the import, move the code to a component that may " +
				"depend on the other, or change the policy on purpose. Not reported when the policy has no " +
				"allow rules, for imports within one component, or in test files.",
			Weight: 3,
		},
		{
			ID:      RuleInternalReach,
			Title:   "import of another component's internal package",
			Summary: "a component imports a package that is not part of another component's public surface",
			Doc: "Reports an import of a package of another component that is not part of that component's " +
				"public surface, for components the policy declares (under components:, or by naming their " +
				"public: packages). A component of the default rule is a directory, and Go has its own rule for " +
				"packages no other may import (internal/): importing any package of such a component is no reach " +
				"into internals. The policy can name the public packages of a component; by default those of a " +
				"declared component are its root packages and packages with a path segment named api, client, " +
				"types or model. A root " +
				"package is the package at the top of the component (its top-level directory, or the literal " +
				"prefix of a policy glob); where that directory holds no package, the audit, which sees every " +
				"package, takes the component's shallowest packages as its roots, while go vet cannot know and " +
				"reports the import with partial evidence. Reaching " +
				"into internals couples the dependent to the other component's structure: every reorganisation " +
				"of it breaks the dependent. Go through the component's public packages, or make the package " +
				"public on purpose in the policy. Not reported: imports within one component, of public " +
				"packages, and in test files.",
			Weight: 2,
			Options: []finding.Option{{
				Name: "public-names", Type: finding.OptionStrings, Default: "[api, client, types, model]",
				Doc: "package path segments that make a package of a declared component public when the policy names no public packages for it",
			}},
		},
		{
			ID:      RuleSharedGlobal,
			Title:   "exported variable shared across components",
			Summary: "a component reads or writes another component's exported package-level variable",
			Doc: "Reports reads and writes of another component's exported package-level variables that some " +
				"package writes after initialisation (an assignment, an increment, a store into a field or " +
				"element, taking the address). Such a " +
				"variable is hidden shared state: it couples the components through a value neither owns " +
				"alone, makes their behaviour depend on initialisation order, and must be kept when either is " +
				"split out or run twice in one process. Pass the value explicitly (a constructor parameter or " +
				"a configuration struct) or hide it behind a function. Not reported: constants, variables that " +
				"no package of the program writes outside its own init functions and test files, whatever their " +
				"type (an exported *analysis.Analyzer or a default client: calling a method through a variable " +
				"is a read), reads of sentinel error variables when ignore-errors is set, reads of embed.FS " +
				"variables (read-only), variables of basic type (string, number, bool, time.Duration) that package " +
				"main sets to a constant or to one of its own variables (build information set with -ldflags -X): " +
				"they are read like constants. Any other write (a setting from configuration in main, a counter " +
				"of the variable's own package outside init, a write by another package, of any component) makes " +
				"every read count. A go vet run sees one package and what the variable's own package writes, not " +
				"the other packages' writes: it reports the reads of a basic-typed variable only where that " +
				"package or the variable's own package writes it, and every read of a variable of another type. " +
				"Also not reported: variables of the same component, test files and test-support packages.",
			Weight: 3,
			Options: []finding.Option{{
				Name: "ignore-errors", Type: finding.OptionBool, Default: "true",
				Doc: "do not report reads of exported variables of type error (sentinel errors); writes are reported",
			}},
		},
	}
}

// Family returns the coupling family.
func Family() family.Family {
	return family.Family{
		Name:      "coupling",
		Rules:     Rules(),
		New:       analyzers,
		Global:    Global,
		Inventory: Inventory,
		Partial:   []string{"coupling"},
	}
}

// analyzers returns the family's analyzers for s: the default Analyzer
// when s is zero-valued, so drivers see stable values.
func analyzers(s family.Settings) []*analysis.Analyzer {
	if s.IsZero() {
		return []*analysis.Analyzer{Analyzer}
	}
	return []*analysis.Analyzer{New(ConfigFrom(s))}
}

// Analyzer is the coupling analyzer with the default configuration.
var Analyzer = New(DefaultConfig())

//go:embed doc.go
var doc string

// New returns a coupling analyzer for cfg. Its flags start at cfg's
// values and change the configuration the analyzer runs with.
func New(cfg Config) *analysis.Analyzer {
	c := &cfg
	a := &analysis.Analyzer{
		Name:       "coupling",
		Doc:        analyzerDoc(doc, "coupling"),
		URL:        finding.DocURL(RuleConcreteDependency),
		Requires:   []*analysis.Analyzer{inspect.Analyzer, writesAnalyzer, generatedAnalyzer},
		ResultType: reflect.TypeFor[*Result](),
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, c) },
	}
	registerFlags(&a.Flags, c)
	return a
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	in, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	if !ok {
		return nil, fmt.Errorf("coupling: %s: no inspector", pass.Pkg.Path())
	}
	res := &Result{Package: pass.Pkg.Path(), Name: pass.Pkg.Name()}
	if family.StandardLibrary(pass) {
		return res, nil // in no component
	}
	mod := ""
	if pass.Module != nil {
		mod = pass.Module.Path
	}
	collect(pass, in, cfg, newPlacer(cfg, res.Package, mod), res)
	for _, f := range decide(pass.Fset, []*Result{res}, nil) {
		res.Report(pass, f)
	}
	return res, nil
}

// analyzerDoc returns the "# Analyzer name" section of a package comment
// (the source of doc.go), without comment markers, as finding.AnalyzerDoc
// writes every analyzer's Doc: the summary line, the rest, the rules the
// analyzer reports.
func analyzerDoc(src, name string) string {
	var lines []string
	in := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if in {
				break
			}
			continue
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(text, "# ") {
			if in {
				break
			}
			in = text == "# Analyzer "+name
			continue
		}
		if in {
			lines = append(lines, text)
		}
	}
	text := strings.TrimPrefix(strings.TrimSpace(strings.Join(lines, "\n")), name+": ")
	summary, detail, _ := strings.Cut(text, "\n")
	var ids []string
	for _, r := range Rules() {
		if !r.Global {
			ids = append(ids, r.ID)
		}
	}
	return finding.AnalyzerDoc(summary, detail, ids...)
}
