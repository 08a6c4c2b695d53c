// Package routes extracts the HTTP routes a Go program serves.
//
// # Analyzer apiroutes
//
// apiroutes: extract HTTP route registrations with their full paths
//
// It is a helper analyzer: it reports nothing, and its Result lists the
// routes served from a package with their method, host, full path,
// whether the path is constant, their kind (api, page, ui, health,
// metrics, debug, static, protocol, other) and their handler, and the
// values the package encodes as JSON responses.
//
// Kinds come from what a handler writes on its success path, looking
// through the program's own response helpers (a content type handed to
// a builder, WithHeader("Content-Type", "text/html")), and from
// well-known paths. JSON registered on a router whose own registrations
// serve more pages than JSON, outside a path that says API (/api, /v1),
// is ui: the endpoints the pages' scripts call, deployed with them.
//
// Routers are followed through variables, fields, closures, groups and
// sub-routers (Group, Route, PathPrefix(…).Subrouter(), Mount,
// http.StripPrefix) and through functions: routes registered on a router
// parameter, or on a returned router, are exported as a FuncFact and
// appear with their full path in the package that mounts the router.
// Supported: net/http (ServeMux, DefaultServeMux, Go 1.22 patterns),
// github.com/go-chi/chi, github.com/gin-gonic/gin,
// github.com/labstack/echo, github.com/gorilla/mux,
// github.com/julienschmidt/httprouter, github.com/gofiber/fiber and
// Huma v2 (github.com/danielgtaylor/huma/v2: operations registered with
// huma.Register or huma.Get/Post/… on an API an adapter makes over one of
// these routers, or on huma.NewGroup; every operation is an API route,
// and the Body of its output is an encoded value) and grpc-gateway (v1
// and v2: the HTTP bindings of generated *.pb.gw.go files, whose paths
// are spelled from their runtime.NewPattern operations, /v1/{name=shelves/*}:undelete,
// routes of the runtime.ServeMux the program makes and mounts).
// Routers handed to a function value or an interface method (modules
// registered from a list, for _, m := range modules { m.Routes(r) }) reach
// functions no fact can follow: each package lists them as Mounts, and
// the functions referenced as values and methods that register routes
// on a router parameter as Registrars; Late joins those of the whole
// program by signature (and, for methods, by name and the interface's
// methods). A loop over a list written in the code (a slice of
// (path, handler) structs, a map from path to handler, a list of paths)
// registers one route per element. A catch-all registration whose
// handler picks the route itself, testing r.URL.Path and r.Method
// (constants, anchored regular expressions read as patterns,
// strings.HasPrefix, in if/else chains and switches, in the functions
// it hands the request to), serves one route per branch, placed at the
// branch (see dispatch.go).
//
// Parts of paths that are not constants are written {?expr}, with the
// expression they come from when it is short and plain ({?cfg.RootPath}),
// else {?}; Shown writes them {cfg.RootPath} for people. A framework's
// root router (*gin.Engine, *echo.Echo, *fiber.App, *httprouter.Router)
// whose origin is not seen serves its paths as they are; a group or
// sub-router whose origin is not seen gets a {?} prefix. A router served
// both at its place and below a prefix from configuration (an if/else on
// a base path) gives one route per registration, below the prefix.
//
// Paths are the paths a client calls, without a trailing slash unless
// the router requires one. The root "/" of a router mounted below a
// prefix is the mount point itself where the framework serves it there:
// a chi sub-router (Route, Mount: chi answers both pattern and
// pattern+"/") and a fiber group, Route or mounted app (fiber trims
// trailing slashes unless StrictRouting is set), so Get("/") inside
// Route("/v1/users", …) is GET /v1/users. gin, echo, gorilla/mux
// (PathPrefix(…).Subrouter()) and net/http (StripPrefix) serve the
// slashed path, prefix+"/", and keep it; an empty path "" is the prefix.
package routes
