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
// included), chi, gin, echo, gorilla/mux, httprouter, fiber, Huma v2 and
// grpc-gateway are
// followed through groups, sub-routers, mounts, http.StripPrefix and
// functions of other packages to their full paths. API routes (handlers
// encoding JSON; unclassified handlers below an API root or on a resource
// of the API) whose path has no version segment are grouped by the root
// of their API, where a version segment would go: the path up to an API
// root segment (api, rest, rpc… in the first three segments: /api,
// /admin/api), or "/" for an API served at the top, so that /orders and
// /customers are one decision. One diagnostic per API root in each
// package; the audit's Global groups them across packages. Versioned
// prefixes below the same root (/api/v1 beside the legacy /api/tags) are
// named in the message; a version is v1, v1.2, v2beta1, a number (/api/0)
// or a date. Health checks, metrics, pprof, static files, HTML pages and
// the endpoints of external protocols (OAuth, OpenID Connect, SAML,
// SCIM, WebDAV, CalDAV, CardDAV, the Fever and Google Reader sync APIs,
// ActivityPub inboxes, NodeInfo, WebFinger, /.well-known, git, and the
// policy's protocol-paths) are left out. Flags: -strategy (path, header,
// host, none), -version-pattern, -api-paths, -not-api-paths,
// -protocol-paths (comma-separated path globs) and -api-roots
// (comma-separated segments).
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
// packages that find one export a fact, and the strongest reason is
// given. The decision is the component's: one diagnostic per package
// lists the models it encodes as JSON responses (directly, or through
// response helpers of any package, including helpers that wrap the value
// before encoding it) with every site as a related location; the
// audit's Global groups the packages of a component and matches the
// encoded types against the tables found anywhere in the program, as
// handlers often reach the database through an interface.
//
// # Whole program: api.module-major-version
//
// Rule api.module-major-version has no per-package analyzer: the audit
// gives the family each main module's go.mod position and release tags
// from git, and Global reports a module released at v2 or later whose
// path lacks the /vN suffix. Without tags it says nothing.
package api
