package routes

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// Where a fact can come from. run exports a FuncFact only for a function
// that registers routes on a router, serves a request, writes or decodes
// a response body, or calls a function of an import with a fact: every
// one of those uses an object of a router framework, of net/http's
// server side or of a response encoding, or holds a value of a web type
// (a router, a handler, a ResponseWriter, a framework's context), or
// calls a function with a fact. A package with none of them — most of a
// cloud SDK's clients, which use net/http's Request, Response, Header and
// Client only — has no fact, however much of net/http it imports.
//
// mayHaveFacts is the test of that, on the package's types: it reads the
// objects the package uses (another package's alias or registrar
// interface names a router as well as a framework's type does) and
// defines, and walks the declarations of
// functions returning a string first (ResultPath) and the calls passing
// a "Content-Type" pair (headerPairWrites) only when there are some. It
// must stay a superset of what run reads: TestMayHaveFacts runs both on
// every fixture.

// mayHaveFacts reports whether run could export a fact on the package
// of info and files; hasFact reports whether an object of an import
// carries one.
func mayHaveFacts(pkg *types.Package, info *types.Info, files []*ast.File, module string, hasFact func(*types.Func) bool) bool {
	var u useFlags
	for _, obj := range info.Uses {
		if obj == nil || obj.Pkg() == pkg {
			continue // the package's own (its locals most of all): run computes their facts
		}
		u.writer = u.writer || namesWriter(obj)
		if u.note(obj, hasFact); u.fact {
			return true
		}
	}
	tests := u.tests && readsURLPath(files)
	for _, obj := range info.Defs {
		switch obj := obj.(type) {
		case *types.Var:
			if webType(obj.Type()) {
				return true
			}
		case *types.Func:
			if tests && obj.Pkg() == pkg && takesRequest(obj) {
				return true
			}
		}
	}
	return u.marshal && u.writer && marshalsAnswering(info, files) || constPathResult(info, files) || u.calls.found(pkg, info, files, module)
}

// marshalsAnswering reports whether a function of files taking an
// io.Writer (answers) calls a marshalling function in its body, its
// function literals' included: only there is a value marshalled a
// response (oneCallWrites); a client marshals its requests' bodies.
func marshalsAnswering(info *types.Info, files []*ast.File) bool {
	for _, f := range files {
		if family.AnyNode(f, func(n ast.Node) bool {
			var sig types.Type
			var body *ast.BlockStmt
			switch n := n.(type) {
			case *ast.FuncDecl:
				if obj := info.Defs[n.Name]; obj != nil {
					sig = obj.Type()
				}
				body = n.Body
			case *ast.FuncLit:
				sig, body = info.TypeOf(n), n.Body
			default:
				return false
			}
			s, _ := sig.(*types.Signature)
			return body != nil && answers(s) && family.AnyNode(body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return false
				}
				fn, ok := typeutil.Callee(info, call).(*types.Func)
				return ok && marshals(fn)
			})
		}) {
			return true
		}
	}
	return false
}

// useFlags is what a package's uses of other packages' objects say about
// the facts it can have.
type useFlags struct {
	fact    bool        // a use that can make a fact by itself
	writer  bool        // io.Writer named: a function may answer a request (see answers)
	tests   bool        // a request's method or URL read: what a dispatcher tests
	marshal bool        // json.Marshal and the like: see marshals
	calls   callOrigins // uses that count only in some calls
}

// or returns what either says.
func (u useFlags) or(v useFlags) useFlags {
	return useFlags{
		fact:    u.fact || v.fact,
		writer:  u.writer || v.writer,
		tests:   u.tests || v.tests,
		marshal: u.marshal || v.marshal,
		calls: callOrigins{
			setHeader: u.calls.setHeader || v.calls.setHeader,
			decode:    u.calls.decode || v.calls.decode,
			encode:    u.calls.encode || v.calls.encode,
			execute:   u.calls.execute || v.calls.execute,
		},
	}
}

// note adds what a use of obj, an object of another package, says
// (but namesWriter).
func (u *useFlags) note(obj types.Object, hasFact func(*types.Func) bool) {
	// A web value named or reached through another package: its alias
	// or registrar interface (a parameter left unnamed has no
	// definition), its variable or field, a registrar's method.
	switch obj := obj.(type) {
	case *types.TypeName:
		if webType(obj.Type()) {
			u.fact = true
			return
		}
	case *types.Var:
		if webType(obj.Type()) {
			u.fact = true // no fact is known to come this way alone: kept, being cheap
			return
		}
		u.tests = u.tests || isRequestField(obj)
	case *types.Func:
		if recv := obj.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) && routerType(recv.Type()) != "" {
			u.fact = true
			return
		}
	}
	switch {
	case isHeaderSet(obj):
		u.calls.setHeader = true
	case isDecode(obj):
		u.calls.decode = true
	case isEncode(obj):
		u.calls.encode = true
	case isMarshal(obj):
		u.marshal = true
	case isExecute(obj):
		u.calls.execute = true
	case factOrigin(obj, hasFact):
		u.fact = true
	}
}

// namesWriter reports whether obj names io.Writer (or an alias of it): a
// signature's parameter of that type answers a request (see answers),
// and the package's signatures name their parameters' types.
func namesWriter(obj types.Object) bool {
	tn, ok := obj.(*types.TypeName)
	return ok && isNamed(tn.Type(), "io", "Writer")
}

// factOrigin reports whether a use of obj can make a function's fact.
func factOrigin(obj types.Object, hasFact func(*types.Func) bool) bool {
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	if fn, ok := obj.(*types.Func); ok {
		fn = fn.Origin()
		if hasFact(fn) {
			return true
		}
		obj = fn
	}
	path := obj.Pkg().Path()
	if path == "net/http" {
		return !clientSide(obj)
	}
	if named, ok := originNames[path]; ok {
		return named(obj.Name())
	}
	return frameworkOf(path) != ""
}

// originNames are the packages beside net/http and the frameworks whose
// objects make a fact where they are used, with the test of an object's
// name.
var originNames = map[string]func(name string) bool{
	// A method named so (protojson's MarshalOptions.Marshal) writes
	// wherever it is called; the functions and Encode only in some
	// calls (isMarshal, isEncode).
	"encoding/json": isMarshalName,
	"encoding/xml":  isMarshalName,
	"google.golang.org/protobuf/encoding/protojson": isMarshalName,
	"html/template": isExecuteName,
	"text/template": isExecuteName,
	"github.com/prometheus/client_golang/prometheus/promhttp": anyName,
	"net/http/pprof":                    anyName,
	"expvar":                            anyName,
	"github.com/gorilla/websocket":      nameIs("Upgrade"),
	"nhooyr.io/websocket":               nameIs("Accept"),
	"github.com/coder/websocket":        nameIs("Accept"),
	"golang.org/x/crypto/acme/autocert": nameIs("HTTPHandler"),
}

func isMarshalName(name string) bool { return name == "Marshal" || name == "MarshalIndent" }
func isExecuteName(name string) bool { return name == "Execute" || name == "ExecuteTemplate" }
func anyName(string) bool            { return true }
func nameIs(want string) func(string) bool {
	return func(name string) bool { return name == want }
}

// originPackage reports whether path is net/http or one of originNames:
// its own code uses the objects that make facts (protojson's Marshal
// calls MarshalOptions.Marshal), which the checks, reading other
// packages' objects only, do not see.
func originPackage(path string) bool {
	_, ok := originNames[path]
	return ok || path == "net/http"
}

// clientSide reports whether obj, of net/http, belongs to its client
// side or to what both sides share (a request, a response, a header read
// or built, the status and method constants): no use of those registers
// a route or answers a request. A header's Set is not among them (a
// response's content type: see contentTypeWrites), nor a server's
// Handler field.
func clientSide(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Const:
		return true
	case *types.TypeName:
		switch obj.Name() {
		case "Request", "Response", "Header", "Client", "ClientConn", "Transport", "RoundTripper", "Cookie", "CookieJar",
			"ProtocolError", "MaxBytesError", "SameSite", "Protocols", "HTTP2Config":
			return true
		}
		return false
	case *types.Var:
		if obj.IsField() {
			return obj.Name() != "Handler"
		}
		switch obj.Name() {
		case "DefaultClient", "DefaultTransport", "NoBody":
			return true
		}
		return strings.HasPrefix(obj.Name(), "Err")
	case *types.Func:
		sig := obj.Type().(*types.Signature)
		if recv := sig.Recv(); recv != nil {
			t := recv.Type()
			t = deref(t)
			switch recvName(t) {
			case "Request", "Response", "Client", "ClientConn", "Transport", "RoundTripper", "Cookie", "CookieJar",
				"ProtocolError", "MaxBytesError", "Protocols", "HTTP2Config", "noBody":
				return true
			case "Header":
				return obj.Name() != "Set"
			}
			return false
		}
		switch obj.Name() {
		case "NewRequest", "NewRequestWithContext", "Get", "Head", "Post", "PostForm", "StatusText",
			"CanonicalHeaderKey", "DetectContentType", "ParseHTTPVersion", "ParseTime", "ProxyFromEnvironment",
			"ProxyURL", "ReadRequest", "ReadResponse", "ParseCookie", "ParseSetCookie", "NewFileTransport",
			"NewFileTransportFS":
			return true
		}
	}
	return false
}

func recvName(t types.Type) string {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// webType reports whether a value of type t serves requests or routes
// them: a router, an http.Handler or HandlerFunc, a ResponseWriter, a
// framework's request context.
func webType(t types.Type) bool {
	if routerType(t) != "" || isFrameworkContext(t) {
		return true
	}
	t = deref(t)
	return isNamed(t, "net/http", "ResponseWriter") || isNamed(t, "net/http", "Handler") || isNamed(t, "net/http", "HandlerFunc")
}

// readsURLPath reports whether files read a variable's URL.Path
// (r.URL.Path): a dispatcher tests its request's path (isPath; a test
// of the method alone routes nothing), and a client's code that reads
// its request's method, host or query does not.
func readsURLPath(files []*ast.File) bool {
	for _, f := range files {
		if family.AnyNode(f, isURLPath) {
			return true
		}
	}
	return false
}

// isURLPath reports whether n is x.URL.Path, x a variable (see isPath).
func isURLPath(n ast.Node) bool {
	sel, ok := n.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Path" {
		return false
	}
	u, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok || u.Sel.Name != "URL" {
		return false
	}
	_, ok = ast.Unparen(u.X).(*ast.Ident)
	return ok
}

// isRequestField reports whether obj is an http.Request's Method or URL:
// a dispatcher tests those (see dispatchBody), and a function taking a
// request that reads neither (a client's request editor setting a
// header) dispatches nothing.
func isRequestField(obj *types.Var) bool {
	return obj.IsField() && obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && (obj.Name() == "Method" || obj.Name() == "URL")
}

// takesRequest reports whether fn, a function declared with a body (not
// an interface's method), takes a request: a dispatcher's signature (see
// dispatches).
func takesRequest(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return false
	}
	return requestParam(sig) != nil
}

// constPathResult reports whether a function of files always returns a
// constant path first (see constFirstResult).
func constPathResult(info *types.Info, files []*ast.File) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if _, ok := constFirstResult(info, fn, fd); ok {
				return true
			}
		}
	}
	return false
}

// isHeaderSet reports whether obj is http.Header's Set.
func isHeaderSet(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Name() != "Set" || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && recvName(recv.Type()) == "Header"
}

// isDecode reports whether obj is a decoder's Decode that decodesRequest
// reads.
func isDecode(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Name() != "Decode" || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "encoding/json", "gopkg.in/yaml.v3", "gopkg.in/yaml.v2", "sigs.k8s.io/yaml":
		return true
	}
	return false
}

// isEncode reports whether obj is an encoder's Encode that knownWrites
// names (encodesToReadable leaves some calls out).
func isEncode(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Name() == "Encode" && fn.Pkg() != nil && encoding(fn.Pkg().Path())
}

// isExecute reports whether obj is a template's Execute or
// ExecuteTemplate: a page written only where a call executes it into an
// interface, a writer handed on (toBuffer), never into a buffer of its
// own (a command's output, a log line, an e-mail).
func isExecute(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() == nil || !isExecuteName(fn.Name()) {
		return false
	}
	path := fn.Pkg().Path()
	return path == "html/template" || path == "text/template"
}

// isMarshal reports whether obj is a function turning a value into a
// response's bytes only in a function that answers a request (see
// marshals).
func isMarshal(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && marshals(fn)
}

func encoding(path string) bool {
	switch path {
	case "encoding/json", "encoding/xml", "google.golang.org/protobuf/encoding/protojson":
		return true
	}
	return false
}

// callOrigins are the uses that make a fact only in some calls: a
// header's Set, a decoder's Decode, an encoder's Encode; and any call of
// the package's own module (headerPairWrites).
type callOrigins struct {
	setHeader, decode, encode, execute bool
}

// found reports whether a call of files makes a fact: a header's
// Set("Content-Type", v) on a header a Header method gave (see
// contentTypeWrites), a decoder's Decode of a request's body (see
// decodesRequest), or a function of the package's own module handed a
// "Content-Type" header name and a constant value side by side (see
// headerPairWrites). The calls are walked only when one can be there.
func (o callOrigins) found(pkg *types.Package, info *types.Info, files []*ast.File, module string) bool {
	contentType := false
	for _, tv := range info.Types {
		if tv.Value != nil && tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), "Content-Type") {
			contentType = true
			break
		}
	}
	if !contentType && !o.decode && !o.encode && !o.execute {
		return false
	}
	pair := func(call *ast.CallExpr) bool {
		_, ok := contentTypePair(info, call.Args)
		return ok
	}
	hit := false
	var inits map[*types.Var]ast.Expr // varInits, once a call asks
	initsOnce := func() map[*types.Var]ast.Expr {
		if inits == nil {
			inits = varInits(info, files)
		}
		return inits
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if hit {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := typeutil.Callee(info, call).(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			switch {
			case o.setHeader && isHeaderSet(fn):
				// Only a header a Header method gave is a response's
				// (req.Header.Set is a client's).
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && contentType && pair(call) {
					hit = viaHeaderMethod(info, initsOnce(), sel.X, 0)
				}
			case o.decode && isDecode(fn):
				hit = decodesRequest(info, initsOnce, fn, call)
			case o.encode && isEncode(fn):
				hit = !encodesToReadable(info, initsOnce, fn, call)
			case o.execute && isExecute(fn):
				hit = !toBuffer(info, fn, call)
			case contentType && ownCode(module, pkg.Path(), fn.Pkg().Path()):
				hit = pair(call)
			}
			return !hit
		})
	}
	return hit
}
