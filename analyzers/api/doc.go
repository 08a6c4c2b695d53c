// Package api holds oneway's api family: public contracts that are hard
// to change once clients depend on them.
//
// The routes they serve are extracted by the helper analyzer in package
// routes; the analyzers here decide the rules.
//
// # Analyzer unversionedroute
//
// unversionedroute: report HTTP API routes without a version segment
//
// Rule api.unversioned-route. Routes of net/http (Go 1.22 patterns
// included), chi, gin, echo, gorilla/mux, httprouter and fiber are
// followed through groups, sub-routers, mounts, http.StripPrefix and
// functions of other packages to their full paths. API routes (handlers
// encoding JSON, or unclassified handlers under /api) whose path has no
// version segment are grouped by their first segment, one diagnostic per
// group in each package; the audit's Global groups them across packages.
// Health checks, metrics, pprof, static files and HTML pages are left out.
// Flags: -strategy (path, header, host, none), -version-pattern,
// -api-paths and -not-api-paths (comma-separated path globs).
//
// # Analyzer unversionedproto
//
// unversionedproto: report protobuf packages in generated code without a version suffix
//
// Rule api.unversioned-proto. It reads generated .pb.go files: the package
// of the raw file descriptor, the *_FullMethodName constants and
// grpc.ServiceDesc.ServiceName, and checks the last component of the
// package against buf's PACKAGE_VERSION_SUFFIX (v1, v1beta1, v1test…).
//
// # Analyzer storagemodel
//
// storagemodel: report database models encoded directly as JSON responses
//
// Rule api.storage-model-exposed. A type maps to a table when rows are
// scanned into its fields (rows.Scan(&o.ID, …)), sqlx, gorm or bun load it,
// it embeds an ORM model, has ORM struct tags or a TableName method; the
// packages that find one export a fact. A diagnostic is reported where
// such a type (or a slice, map, pointer or struct holding it) is encoded
// as a JSON response.
package api
