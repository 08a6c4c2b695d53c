package api

import (
	"flag"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule ids of the family.
const (
	RuleUnversionedRoute    = "api.unversioned-route"
	RuleUnversionedProto    = "api.unversioned-proto"
	RuleStorageModelExposed = "api.storage-model-exposed"
	RuleModuleMajorVersion  = "api.module-major-version"
)

// Strategies of API versioning.
const (
	StrategyPath   = "path"   // a version segment in the path: /v1/orders
	StrategyHeader = "header" // a version header: not checkable in code, nothing is reported
	StrategyHost   = "host"   // a version label in the host: v1.api.example.com
	StrategyNone   = "none"   // no versioning (internal components): nothing is reported
)

// DefaultVersionPattern matches a version segment: v1, v1.2, v2beta1, a
// number (/api/0/, /nodeinfo/2.0), 2024-01-01.
const DefaultVersionPattern = `^v[0-9]+(\.[0-9]+)*((alpha|beta)[0-9]*)?$|^[0-9]+(\.[0-9]+)*$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

// Config configures the api.unversioned-route analyzer.
type Config struct {
	Strategy       string   // path, header, host or none
	VersionPattern string   // a regular expression a version segment (or host label) matches
	APIPaths       []string // path globs always treated as API routes
	NotAPIPaths    []string // path globs never treated as API routes (pages, webhooks)
	// ProtocolPaths are path globs of external protocols the program
	// serves (an identity provider's callbacks, a sync protocol): their
	// contract is someone else's specification, listed in the inventory
	// as protocol and never judged as the program's API. They add to the
	// protocols the routes analyzer knows (OAuth, OpenID Connect,
	// WebDAV, CalDAV, … see routes.KindOf).
	ProtocolPaths []string
	// APIRoots are the path segments below which an API is served
	// (/api/orders); nil means DefaultAPIRoots(). An API without one is
	// rooted at "/".
	APIRoots []string
	// Components places packages in components for the evidence; empty
	// means one component per top-level directory of the module.
	Components []component.Spec
}

// DefaultConfig returns the configuration the policy's defaults give.
func DefaultConfig() Config {
	return Config{Strategy: StrategyPath, VersionPattern: DefaultVersionPattern}
}

// Analyzer reports API routes without a version, with the default configuration.
var Analyzer = New(DefaultConfig())

// Family returns the api family of rules.
func Family() family.Family {
	return family.Family{
		Name:  "api",
		Rules: Rules(),
		New: func(s family.Settings) []*analysis.Analyzer {
			if s.IsZero() {
				return []*analysis.Analyzer{Analyzer, ProtoAnalyzer, StorageAnalyzer}
			}
			return []*analysis.Analyzer{New(ConfigFrom(s)), ProtoAnalyzer, StorageAnalyzer}
		},
		Global:    Global,
		Inventory: Inventory,
		Partial:   []string{"unversionedroute", "unversionedproto"},
	}
}

// ConfigFrom derives the configuration from the driver's settings.
func ConfigFrom(s family.Settings) Config {
	c := DefaultConfig()
	c.Strategy = family.Option(s, RuleUnversionedRoute, "strategy", c.Strategy)
	c.VersionPattern = family.Option(s, RuleUnversionedRoute, "version-pattern", c.VersionPattern)
	c.APIPaths = family.Option(s, RuleUnversionedRoute, "api-paths", c.APIPaths)
	c.NotAPIPaths = family.Option(s, RuleUnversionedRoute, "not-api-paths", c.NotAPIPaths)
	c.ProtocolPaths = family.Option(s, RuleUnversionedRoute, "protocol-paths", c.ProtocolPaths)
	c.APIRoots = family.Option(s, RuleUnversionedRoute, "api-roots", c.APIRoots)
	c.Components = s.Components
	return c
}

// Rules returns the rules of the family, sorted by id.
func Rules() []finding.Rule {
	return []finding.Rule{
		{
			ID:      RuleModuleMajorVersion,
			Title:   "module released at v2 or later without /vN in its path",
			Summary: "a module tagged v2 or later has no major version suffix in its module path",
			Doc: "Reports a main module whose version-control tags release it at major version 2 or later " +
				"(v2.0.0, or sub/v3.1.0 for a module in a subdirectory) while its module path lacks the /vN " +
				"suffix Go's semantic import versioning asks for. Importers then get the highest v1 (or " +
				"+incompatible) version, and every later fix to the path breaks each of them at once. Add the " +
				"suffix (module example.com/lib/v2) before more importers settle on the old path. It reports " +
				"only what the tags show: with no version control, or no tags, it says nothing (it never guesses " +
				"from the code). gopkg.in paths carry their version differently and are not reported. Its spread " +
				"cannot be counted from inside the module (every importer, anywhere, pays when the path changes), " +
				"so a library with many importers should raise its weight in the policy.",
			Weight: 5,
			Global: true,
		},
		{
			ID:      RuleStorageModelExposed,
			Title:   "storage model encoded as an API response",
			Summary: "a type that maps to a database table is encoded directly as a JSON response",
			Doc: "Reports a component whose HTTP handlers encode types that map to database tables (rows " +
				"scanned into their fields, sqlx/gorm/bun loads, tags or models, a TableName method) directly as JSON " +
				"responses (json.NewEncoder(w).Encode, json.Marshal in a handler, c.JSON of gin, echo and fiber, the Body of a Huma operation's output, or a " +
				"response helper of any package that does): one decision per component, naming the models, with " +
				"every encoding site as a related location. Clients then depend on the shape of the tables: renaming " +
				"or splitting a column breaks them, so the schema can no longer change without an API version. Map " +
				"the models to response types of their own. It does not report types that are only read from the " +
				"database, nor response types copied from a model.",
			Weight: 3,
		},
		{
			ID:      RuleUnversionedProto,
			Title:   "protobuf package without a version",
			Summary: "a protobuf package declaring services in generated code has no version suffix",
			Doc: "Reports a protobuf package, read from generated .pb.go files (the package in the raw file " +
				"descriptor, the *_FullMethodName constants and grpc.ServiceDesc.ServiceName), whose last " +
				"component is not a version as buf's PACKAGE_VERSION_SUFFIX defines it (v1, v1beta1, v1alpha2, " +
				"v1test, v1p1beta1) and that declares services: the package is in the path of every method, a wire " +
				"contract once clients call them; a breaking change needs a new package, and without a version " +
				"suffix there is no room for one beside the old. Name the package with a version (shop.orders.v1). " +
				"A package of messages only (storage records, shared types) is not reported: its name is not on " +
				"the wire. It does not read .proto files.",
			Weight:    4,
			Generated: true,
		},
		{
			ID:      RuleUnversionedRoute,
			Title:   "API route without a version",
			Summary: "an HTTP API route has no version segment",
			Doc: "Reports HTTP APIs (net/http including Go 1.22 patterns, chi, gin, echo, gorilla/mux, " +
				"httprouter, fiber, Huma v2 operations and grpc-gateway bindings, with group, sub-router and mount prefixes followed through variables, " +
				"closures and functions of other packages) whose routes have no version segment: one decision per " +
				"API, named by its root, where the version would go: /api for routes below an API root segment " +
				"(api-roots), / for an API served at the top (/orders and /customers are one API), with every route " +
				"as a related location. Clients hard-code these paths; a breaking change later needs a version, and " +
				"adding one then means moving every client. Put the API under /v1 (or the policy's versioning " +
				"strategy) now. A router mounted below a root path from configuration (e.g. " +
				"e.Group(cfg.RootPath), http.StripPrefix(basePath, mux)) is judged below it: the root is where the " +
				"service is deployed, the API is what clients address under it (/{cfg.RootPath}/api); with no API root " +
				"segment after such a prefix the prefix may hold the API's root and version itself (a generated " +
				"server's BaseURL of /api/v1), and nothing is judged. Health checks, metrics, " +
				"pprof, static files and API description documents, routes rendering HTML pages or redirecting on their " +
				"success path (error branches do not decide a handler's kind), JSON endpoints registered beside the " +
				"service's own pages (a router serving more pages than JSON, outside /api or a version: its pages' " +
				"scripts are their only client, deployed with them), git's HTTP protocols, the endpoints of " +
				"external protocols (OAuth, OpenID Connect, WebDAV, … and protocol-paths) and routes served only " +
				"on a loopback address (a command's local callback server) or registered in test-support packages " +
				"(fixtures, fakes, mocks: a test's fake server) are " +
				"not API contracts and are not reported; nor are routes whose handler could not be classified, " +
				"unless they are below an API root, on a resource whose other routes encode JSON, or on a path the " +
				"policy names in api-paths. Other parts of paths that are not constants are not guessed at.",
			Weight: 3,
			Options: []finding.Option{
				{Name: "strategy", Type: finding.OptionString, Default: StrategyPath, Doc: "how APIs are versioned: path, header, host or none"},
				{Name: "version-pattern", Type: finding.OptionString, Default: "'" + DefaultVersionPattern + "'", Doc: "regular expression a version path segment or host label matches"},
				{Name: "api-paths", Type: finding.OptionStrings, Default: "[]", Doc: "path globs always treated as API routes (* matches a segment, a trailing /** everything below)"},
				{Name: "not-api-paths", Type: finding.OptionStrings, Default: "[]", Doc: "path globs never treated as API routes, such as pages the handler check misses"},
				{Name: "protocol-paths", Type: finding.OptionStrings, Default: "[]", Doc: "path globs of external protocols the program serves (their contract is a specification, not the program's): listed as protocol, never judged as API; adds to the built-in table (OAuth, OpenID Connect, SAML, SCIM, WebDAV, CalDAV, CardDAV, Fever, Google Reader, ActivityPub inboxes, NodeInfo, WebFinger, /.well-known, git)"},
				{Name: "api-roots", Type: finding.OptionStrings, Default: "[" + strings.Join(DefaultAPIRoots(), ", ") + "]", Doc: "path segments below which an API is served; the routes below one (or at the top, without one) are one API and one decision"},
			},
		},
	}
}

// New returns an api.unversioned-route analyzer for cfg. Its flags
// (strategy, version-pattern, api-paths, not-api-paths, protocol-paths,
// api-roots; lists comma
// separated) configure it under drivers that only pass flags.
func New(cfg Config) *analysis.Analyzer {
	u := &unversioned{cfg: cfg}
	a := &analysis.Analyzer{
		Name:       "unversionedroute",
		Doc:        finding.AnalyzerDoc("report HTTP API routes without a version segment", "", RuleUnversionedRoute),
		URL:        finding.DocURL(RuleUnversionedRoute),
		Requires:   routesRequires(),
		Run:        u.run,
		ResultType: routeResultType,
	}
	a.Flags.Init(a.Name, flag.ContinueOnError)
	a.Flags.StringVar(&u.cfg.Strategy, "strategy", cfg.Strategy, "how APIs are versioned: path, header, host or none")
	a.Flags.StringVar(&u.cfg.VersionPattern, "version-pattern", cfg.VersionPattern, "regular expression a version segment matches")
	a.Flags.Var((*finding.ListFlag)(&u.cfg.APIPaths), "api-paths", "comma-separated path globs always treated as API routes")
	a.Flags.Var((*finding.ListFlag)(&u.cfg.NotAPIPaths), "not-api-paths", "comma-separated path globs never treated as API routes")
	a.Flags.Var((*finding.ListFlag)(&u.cfg.ProtocolPaths), "protocol-paths", "comma-separated path globs of external protocols the program serves")
	a.Flags.Var((*finding.ListFlag)(&u.cfg.APIRoots), "api-roots", "comma-separated path segments below which an API is served (default "+strings.Join(DefaultAPIRoots(), ",")+")")
	return a
}

// compiled is a checked configuration.
type compiled struct {
	strategy  string
	version   *regexp.Regexp
	api, not  []string
	protocols []string
	roots     map[string]bool
}

func (c Config) compile() (*compiled, error) {
	re, err := regexp.Compile(c.VersionPattern)
	if err != nil {
		return nil, err
	}
	switch c.Strategy {
	case StrategyPath, StrategyHeader, StrategyHost, StrategyNone:
	case "":
		c.Strategy = StrategyPath
	default:
		return nil, errStrategy(c.Strategy)
	}
	roots := map[string]bool{}
	names := c.APIRoots
	if names == nil {
		names = DefaultAPIRoots()
	}
	for _, n := range names {
		roots[strings.ToLower(strings.Trim(n, "/"))] = true
	}
	return &compiled{strategy: c.Strategy, version: re, api: c.APIPaths, not: c.NotAPIPaths, protocols: c.ProtocolPaths, roots: roots}, nil
}

type errStrategy string

func (e errStrategy) Error() string {
	return "unknown versioning strategy " + string(e) + " (want path, header, host or none)"
}
