package routes

import (
	"go/types"
	"strings"
)

// frameworkOf names the router framework a package path belongs to, or "".
func frameworkOf(pkgPath string) string {
	switch {
	case pkgPath == "net/http":
		return "net/http"
	case hasModule(pkgPath, "github.com/go-chi/chi"):
		return "chi"
	case hasModule(pkgPath, "github.com/gin-gonic/gin"):
		return "gin"
	case hasModule(pkgPath, "github.com/labstack/echo"):
		return "echo"
	case hasModule(pkgPath, "github.com/gorilla/mux"):
		return "gorilla/mux"
	case hasModule(pkgPath, "github.com/julienschmidt/httprouter"):
		return "httprouter"
	case hasModule(pkgPath, "github.com/gofiber/fiber"):
		return "fiber"
	case hasModule(pkgPath, "github.com/go-pkgz/routegroup"):
		return "routegroup"
	case isGatewayRuntime(pkgPath):
		return "grpc-gateway"
	case strings.HasPrefix(pkgPath, humaModule) && (hasModule(pkgPath, humaModule) || isHumaAdapter(pkgPath)):
		return "huma"
	}
	return ""
}

// hasModule reports whether pkgPath is mod or mod/vN. It is called for
// every call a package makes, so it does not allocate.
func hasModule(pkgPath, mod string) bool {
	rest, ok := strings.CutPrefix(pkgPath, mod)
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	rest, ok = strings.CutPrefix(rest, "/v")
	if !ok || rest == "" {
		return false
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// routerTypes are the named types whose values are routers, by framework.
var routerTypes = map[string][]string{
	"net/http":     {"ServeMux"},
	"chi":          {"Router", "Mux"},
	"gin":          {"Engine", "RouterGroup", "IRouter", "IRoutes"},
	"echo":         {"Echo", "Group"},
	"gorilla/mux":  {"Router"},
	"httprouter":   {"Router"},
	"fiber":        {"App", "Group", "Router"},
	"huma":         {"API", "Group"},
	"grpc-gateway": {"ServeMux"},
	"routegroup":   {"Bundle"},
}

// routerType returns the framework of a router type, or "".
func routerType(t types.Type) string {
	if t == nil {
		return ""
	}
	t = deref(t)
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	fw := frameworkOf(n.Obj().Pkg().Path())
	if fw == "" {
		return registrarFramework(n)
	}
	for _, name := range routerTypes[fw] {
		if n.Obj().Name() == name {
			return fw
		}
	}
	return ""
}

// registrarFramework returns the framework of a project's interface that
// a framework's router satisfies (type registrar interface { GET(path
// string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) *echo.Route }):
// a router for the functions that take one, or "".
func registrarFramework(n *types.Named) string {
	iface, ok := n.Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if _, isVerb := verb(m.Name()); !isVerb && m.Name() != "Handle" && m.Name() != "HandleFunc" {
			continue
		}
		sig := m.Type().(*types.Signature)
		if sig.Params().Len() < 2 {
			continue
		}
		if b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			continue
		}
		for j := 1; j < sig.Params().Len(); j++ {
			t := sig.Params().At(j).Type()
			if s, ok := t.(*types.Slice); ok && sig.Variadic() && j == sig.Params().Len()-1 {
				t = s.Elem()
			}
			if fw := handlerFramework(t); fw != "" {
				return fw
			}
		}
	}
	return ""
}

// handlerFramework returns the framework of a handler type of its own
// (echo.HandlerFunc, gin.HandlerFunc, fiber.Handler). An interface
// taking net/http handlers is more often the service's own wrapper
// (see wrappers.go) than chi's router.
func handlerFramework(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	switch fw := frameworkOf(n.Obj().Pkg().Path()); {
	case fw == "gin" || fw == "echo" || fw == "httprouter" || fw == "huma":
		if n.Obj().Name() == "HandlerFunc" || n.Obj().Name() == "Handle" {
			return fw
		}
	case fw == "fiber" && n.Obj().Name() == "Handler":
		return fw
	}
	return ""
}

// rootRouters are the framework types that are a whole router, served
// as it is unless something mounts it: not a group or sub-router.
var rootRouters = map[string]string{
	"gin": "Engine", "echo": "Echo", "fiber": "App", "httprouter": "Router", "huma": "API",
}

// isRootRouter reports whether t is a framework's root router.
func isRootRouter(t types.Type) bool {
	fw := routerType(t)
	if fw == "" {
		return false
	}
	t = deref(t)
	return types.Unalias(t).(*types.Named).Obj().Name() == rootRouters[fw]
}

// deref returns the type t points to, through aliases (type Mux =
// *http.ServeMux names a router as well as *http.ServeMux does), or t.
func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// isHTTPHandler reports whether t is net/http.Handler.
func isHTTPHandler(t types.Type) bool {
	return isNamed(t, "net/http", "Handler")
}

// servesThrough returns the embedded http.Handler field of a struct type,
// or of a pointer to one, or nil: a value of the type serves what was
// assigned to that field (type API struct{ http.Handler }, a.Handler =
// a.routes(), see extractor.served).
func servesThrough(t types.Type) *types.Var {
	if t == nil || isHTTPHandler(t) {
		return nil
	}
	st, ok := deref(t).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Embedded() && isHTTPHandler(f.Type()) {
			return f
		}
	}
	return nil
}

func isNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	t = deref(t)
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// constructors are the functions that make a new router, by framework.
var constructors = map[string][]string{
	"net/http":     {"NewServeMux"},
	"chi":          {"NewRouter", "NewMux"},
	"gin":          {"New", "Default"},
	"echo":         {"New"},
	"gorilla/mux":  {"NewRouter"},
	"httprouter":   {"New"},
	"fiber":        {"New"},
	"grpc-gateway": {"NewServeMux"},
	"routegroup":   {"New"},
}

// opKind is what a router method does.
type opKind int

const (
	opNone      opKind = iota
	opRoute            // register a route: method from the name or an argument
	opGroup            // a sub-router at a prefix: Group("/v1"), PathPrefix
	opRouteFunc        // a sub-router at a prefix handed to a callback: chi Route, fiber Route
	opGroupFunc        // the same router handed to a callback: chi Group(fn)
	opSame             // the same router: chi With, gin Use
	opMount            // mount a handler at a prefix that the router strips
	opStatic           // register static files at a prefix
	opBuilder          // gorilla/mux: a route being built
)

// op describes one router method.
type op struct {
	kind    opKind
	method  string // fixed HTTP method; "" any
	methArg int    // argument holding the method (or methods); -1 none
	pathArg int    // argument holding the path or prefix; -1 none
	handler int    // argument holding the handler or callback; -1 none, -2 the last
}

var httpVerbs = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"}

// verbNames maps the method names that stand for an HTTP method (GET,
// Get) to it.
var verbNames = func() map[string]string {
	m := map[string]string{}
	for _, v := range httpVerbs {
		m[v] = v
		m[v[:1]+strings.ToLower(v[1:])] = v
	}
	return m
}()

// verb returns the HTTP method that a method name like Get or GET stands
// for. It is asked of every name a dependency calls: it allocates
// nothing.
func verb(name string) (string, bool) {
	v, ok := verbNames[name]
	return v, ok
}

// routerOp returns what the method name of a router of framework fw does.
func routerOp(fw, name string) (op, bool) {
	if m, ok := verb(name); ok {
		switch fw {
		case "chi", "gin", "echo", "httprouter":
			h := 1
			if fw == "gin" {
				h = -2
			}
			return op{kind: opRoute, method: m, methArg: -1, pathArg: 0, handler: h}, true
		case "fiber":
			return op{kind: opRoute, method: m, methArg: -1, pathArg: 0, handler: -2}, true
		}
		return op{}, false
	}
	switch fw + "." + name {
	case "net/http.Handle", "net/http.HandleFunc":
		return op{kind: opRoute, methArg: -1, pathArg: 0, handler: 1}, true
	case "chi.Handle", "chi.HandleFunc":
		return op{kind: opRoute, methArg: -1, pathArg: 0, handler: 1}, true
	case "chi.Method", "chi.MethodFunc":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: 2}, true
	case "chi.Route":
		return op{kind: opRouteFunc, methArg: -1, pathArg: 0, handler: 1}, true
	case "chi.Group":
		return op{kind: opGroupFunc, methArg: -1, pathArg: -1, handler: 0}, true
	case "chi.With":
		return op{kind: opSame, methArg: -1, pathArg: -1, handler: -1}, true
	case "chi.Mount":
		return op{kind: opMount, methArg: -1, pathArg: 0, handler: 1}, true
	case "gin.Any", "echo.Any", "fiber.All":
		h := 1
		if fw != "echo" {
			h = -2
		}
		return op{kind: opRoute, methArg: -1, pathArg: 0, handler: h}, true
	case "gin.Handle":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: -2}, true
	case "gin.Match":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: -2}, true
	case "gin.Group", "echo.Group", "fiber.Group":
		return op{kind: opGroup, methArg: -1, pathArg: 0, handler: -1}, true
	case "gin.Use", "echo.Use":
		return op{kind: opSame, methArg: -1, pathArg: -1, handler: -1}, true
	case "gin.Static", "gin.StaticFS", "gin.StaticFile", "gin.StaticFileFS", "echo.Static", "echo.File", "fiber.Static", "httprouter.ServeFiles":
		return op{kind: opStatic, methArg: -1, pathArg: 0, handler: -1}, true
	case "echo.Add":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: 2}, true
	case "echo.Match":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: 2}, true
	case "fiber.Add":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: -2}, true
	case "fiber.Route":
		return op{kind: opRouteFunc, methArg: -1, pathArg: 0, handler: 1}, true
	case "fiber.Mount":
		return op{kind: opMount, methArg: -1, pathArg: 0, handler: 1}, true
	case "httprouter.Handle", "httprouter.Handler", "httprouter.HandlerFunc":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: 2}, true
	case "routegroup.Handle", "routegroup.HandleFunc":
		return op{kind: opRoute, methArg: -1, pathArg: 0, handler: 1}, true
	case "routegroup.HandleRoot", "routegroup.HandleRootFunc":
		return op{kind: opRoute, methArg: 0, pathArg: -1, handler: 1}, true
	case "routegroup.Mount":
		return op{kind: opGroup, methArg: -1, pathArg: 0, handler: -1}, true
	case "routegroup.Group", "routegroup.With", "routegroup.Use":
		return op{kind: opSame, methArg: -1, pathArg: -1, handler: -1}, true
	case "routegroup.Route":
		return op{kind: opGroupFunc, methArg: -1, pathArg: -1, handler: 0}, true
	case "routegroup.HandleFiles":
		return op{kind: opStatic, methArg: -1, pathArg: 0, handler: -1}, true
	case "grpc-gateway.Handle", "grpc-gateway.HandlePath":
		return op{kind: opRoute, methArg: 0, pathArg: 1, handler: 2}, true
	case "gorilla/mux.Handle", "gorilla/mux.HandleFunc":
		return op{kind: opBuilder, methArg: -1, pathArg: 0, handler: 1}, true
	case "gorilla/mux.Path", "gorilla/mux.PathPrefix", "gorilla/mux.Methods", "gorilla/mux.Host",
		"gorilla/mux.Headers", "gorilla/mux.Queries", "gorilla/mux.Schemes", "gorilla/mux.Name",
		"gorilla/mux.Subrouter", "gorilla/mux.Handler", "gorilla/mux.HandlerFunc", "gorilla/mux.NewRoute":
		return op{kind: opBuilder, methArg: -1, pathArg: 0, handler: 0}, true
	}
	return op{}, false
}
