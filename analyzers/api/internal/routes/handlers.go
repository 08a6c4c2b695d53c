package routes

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// classifier works out what handlers write and which values a package
// encodes as JSON responses.
type classifier struct {
	pass      *analysis.Pass
	decls     map[*types.Func]*ast.FuncDecl
	writes    map[*types.Func]Writes
	busy      map[*types.Func]bool
	encParams map[*types.Func][]int
	encBusy   map[*types.Func]bool
	// methods are the package's concrete methods by name, for the
	// interface methods it declares (see funcWrites).
	methods map[string][]*types.Func
	// inits are the package's variables with the value they are
	// declared with (see localInits), made when first needed; varBusy
	// the variables whose value handlerWrites is reading.
	inits   map[*types.Var]ast.Expr
	varBusy map[*types.Var]bool
}

func newClassifier(pass *analysis.Pass, decls map[*types.Func]*ast.FuncDecl) *classifier {
	return &classifier{
		pass:      pass,
		decls:     decls,
		writes:    map[*types.Func]Writes{},
		busy:      map[*types.Func]bool{},
		encParams: map[*types.Func][]int{},
		encBusy:   map[*types.Func]bool{},
	}
}

// importFact returns the fact of a function of another package, if any.
func (c *classifier) importFact(fn *types.Func) *FuncFact {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return nil
	}
	f := new(FuncFact)
	if c.pass.ImportObjectFact(fn.Origin(), f) {
		return f
	}
	return nil
}

// funcWrites returns what fn writes when it serves a request, following
// the calls it makes to functions of this package and, through facts,
// of others.
func (c *classifier) funcWrites(fn *types.Func) Writes {
	if w := knownWrites(fn); w != 0 {
		return w
	}
	if fn.Pkg() != nil && frameworkOf(fn.Pkg().Path()) != "" {
		// What a router's own methods do inside is no handler's
		// choice: gin's c.String renders through the same Render as
		// c.HTML. Only the methods knownWrites names write a kind.
		return 0
	}
	fn = fn.Origin()
	if sig := fn.Type().(*types.Signature); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) && fn.Pkg() == c.pass.Pkg && answers(sig) {
		// An interface method of this package that answers a request
		// (generated servers: response.VisitGetUserResponse(w)) writes
		// what the package's methods of that name write.
		return c.implWrites(fn)
	}
	if d, ok := c.decls[fn]; ok {
		if w, ok := c.writes[fn]; ok {
			return w
		}
		if c.busy[fn] {
			return 0
		}
		c.busy[fn] = true
		w := c.bodyWrites(d.Body, answers(fn.Type().(*types.Signature)))
		delete(c.busy, fn)
		c.writes[fn] = w
		return w
	}
	if f := c.importFact(fn); f != nil {
		return f.Writes
	}
	return 0
}

// bodyWrites returns what a function body writes on its success path:
// what it writes outside guard clauses (an if without else whose block
// ends in return: if err != nil { render.Error(w, err); return }), or,
// when it writes nothing there, what it writes anywhere. A handler that
// answers errors as JSON and success with a page (or a redirect) is a
// page. responds says whether the function answers a request (see
// answers): only then is a value it marshals a response.
func (c *classifier) bodyWrites(body ast.Node, responds bool) Writes {
	if body == nil {
		return 0
	}
	var all, success Writes
	c.walkWrites(body, responds, false, &all, &success)
	if success != 0 {
		return success
	}
	return all
}

// walkWrites adds what the calls in n write to all, and to success when
// they are outside guard clauses.
func (c *classifier) walkWrites(n ast.Node, responds, guarded bool, all, success *Writes) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ := c.pass.TypesInfo.TypeOf(n).(*types.Signature)
			c.walkWrites(n.Body, responds || answers(sig), guarded, all, success)
			return false
		case *ast.IfStmt:
			if guarded || n.Else != nil || len(n.Body.List) == 0 {
				return true
			}
			if _, ret := n.Body.List[len(n.Body.List)-1].(*ast.ReturnStmt); !ret {
				return true
			}
			if n.Init != nil {
				c.walkWrites(n.Init, responds, guarded, all, success)
			}
			c.walkWrites(n.Cond, responds, guarded, all, success)
			c.walkWrites(n.Body, responds, true, all, success)
			return false
		case *ast.CallExpr:
			w := c.oneCallWrites(n, responds)
			*all |= w
			if !guarded {
				*success |= w
			}
		}
		return true
	})
}

// oneCallWrites returns what one call writes itself, not its arguments.
func (c *classifier) oneCallWrites(call *ast.CallExpr, responds bool) Writes {
	info := c.pass.TypesInfo
	if cw := c.contentTypeWrites(call); cw != 0 {
		return cw
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || toBuffer(info, fn, call) || encodesToReadable(info, c.localInits, fn, call) || !responds && marshals(fn) {
		return 0
	}
	if responds {
		if cw := c.headerPairWrites(fn, call); cw != 0 {
			return cw
		}
	}
	if fn.Pkg() != nil && frameworkOf(fn.Pkg().Path()) != "" {
		if w := frameworkContentType(info, fn, call); w != 0 {
			return w
		}
	}
	if decodesRequest(info, c.localInits, fn, call) {
		return ReadsJSON
	}
	if redirectStatus(info, fn, call) {
		return Redirects
	}
	return c.funcWrites(fn)
}

// redirectStatus reports whether call is w.WriteHeader(3xx) with a
// constant status: a redirect written by hand (a generated server's
// 302 response, the Location header set before it).
func redirectStatus(info *types.Info, fn *types.Func, call *ast.CallExpr) bool {
	if fn.Name() != "WriteHeader" || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || len(call.Args) != 1 {
		return false
	}
	tv, ok := info.Types[call.Args[0]]
	if !ok || tv.Value == nil {
		return false
	}
	code, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return ok && code >= 300 && code < 400 && code != 304
}

// marshals reports whether fn turns a value into bytes (json.Marshal):
// a response only in a function that answers a request; a store
// marshalling a column value answers nothing.
func marshals(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Type().(*types.Signature).Recv() != nil {
		return false
	}
	return encoding(fn.Pkg().Path()) && isMarshalName(fn.Name())
}

// answers reports whether a function answers a request: it takes an
// http.ResponseWriter, an io.Writer, or a framework's request context
// (gin.Context, echo.Context, fiber.Ctx).
func answers(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if isResponseWriter(t) || isNamed(t, "io", "Writer") || isFrameworkContext(t) {
			return true
		}
	}
	return false
}

// isFrameworkContext reports whether t is a router framework's request
// context.
func isFrameworkContext(t types.Type) bool {
	t = deref(t)
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || frameworkOf(n.Obj().Pkg().Path()) == "" {
		return false
	}
	switch n.Obj().Name() {
	case "Context", "Ctx", "DefaultCtx":
		return true
	}
	return false
}

// toBuffer reports whether call executes a template into a value of a
// concrete type, such as a bytes.Buffer holding an e-mail body: that is
// no page served to a browser. A template executed into an io.Writer or
// http.ResponseWriter is.
func toBuffer(info *types.Info, fn *types.Func, call *ast.CallExpr) bool {
	if fn.Pkg() == nil || (fn.Pkg().Path() != "html/template" && fn.Pkg().Path() != "text/template") ||
		!isExecuteName(fn.Name()) || len(call.Args) == 0 {
		return false
	}
	t := info.TypeOf(call.Args[0])
	return t != nil && !types.IsInterface(t)
}

// encodesToReadable reports whether call is enc.Encode(v) of an encoder
// made on a value that can be read back (json.NewEncoder(buf) with buf a
// bytes.Buffer or an io.ReadWriter): a request body being built, or a
// document in memory (an error's message), never a response. The
// encoder may be a variable given it once (enc := json.NewEncoder(&buf);
// inits gives varInits when asked).
func encodesToReadable(info *types.Info, inits func() map[*types.Var]ast.Expr, fn *types.Func, call *ast.CallExpr) bool {
	if fn.Name() != "Encode" || fn.Pkg() == nil {
		return false
	}
	arg := coderArgVia(info, inits, call)
	if arg == nil {
		return false
	}
	t := info.TypeOf(arg)
	if t == nil || isResponseWriter(t) {
		return false
	}
	m, _, _ := types.LookupFieldOrMethod(t, true, nil, "Read")
	_, isFunc := m.(*types.Func)
	return isFunc
}

// knownWrites is what functions of well-known packages write.
func knownWrites(fn *types.Func) Writes {
	if fn.Pkg() == nil {
		return 0
	}
	pkg, name := fn.Pkg().Path(), fn.Name()
	switch pkg {
	case "encoding/json", "encoding/xml", "google.golang.org/protobuf/encoding/protojson":
		switch name {
		case "Marshal", "MarshalIndent", "Encode":
			return WritesJSON
		}
	case "html/template", "text/template":
		if name == "Execute" || name == "ExecuteTemplate" {
			return WritesPage
		}
	case "net/http":
		switch name {
		case "Redirect":
			// A redirect sends a browser on: a step of a page flow
			// (login, a moved page), no answer for programs.
			return Redirects
		case "FileServer", "FileServerFS", "ServeFile", "ServeFileFS", "ServeContent":
			return WritesStatic
		}
	case "github.com/prometheus/client_golang/prometheus/promhttp":
		return WritesMetrics
	case "net/http/pprof", "expvar":
		return WritesDebug
	case "github.com/gorilla/websocket":
		// A WebSocket stream is an endpoint for programs, like JSON.
		if name == "Upgrade" {
			return WritesJSON
		}
	case "nhooyr.io/websocket", "github.com/coder/websocket":
		if name == "Accept" {
			return WritesJSON
		}
	}
	switch frameworkOf(pkg) {
	case "gin", "echo", "fiber":
		if !isContextMethod(fn) {
			return 0
		}
		switch name {
		case "JSON", "IndentedJSON", "SecureJSON", "JSONP", "AsciiJSON", "PureJSON", "AbortWithStatusJSON",
			"JSONPretty", "JSONBlob", "XML", "XMLPretty", "XMLBlob", "YAML", "TOML", "ProtoBuf":
			return WritesJSON
		case "HTML", "HTMLBlob", "Render":
			return WritesPage
		case "Redirect":
			return Redirects
		case "File", "FileFromFS", "FileAttachment", "Attachment", "Inline", "SendFile":
			return WritesStatic
		case "BindJSON", "ShouldBindJSON", "BindYAML", "ShouldBindYAML", "Bind", "ShouldBind", "BodyParser":
			// A request body bound to a value: a program's request
			// (form posts of pages render or redirect, which wins).
			return ReadsJSON
		}
	}
	return 0
}

// isContextMethod reports whether fn is a method of a framework's
// request context (gin.Context, echo.Context, fiber.Ctx).
func isContextMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	t := sig.Recv().Type()
	t = deref(t)
	n, ok := types.Unalias(t).(*types.Named)
	return ok && (n.Obj().Name() == "Context" || n.Obj().Name() == "Ctx" || n.Obj().Name() == "DefaultCtx")
}

// contentTypeWrites reads w.Header().Set("Content-Type", "..."): the
// header of a response, reached through its Header method, directly or
// through a variable given it (hdr := c.Response().Header()). The Header
// field of a request being built (req.Header.Set) is a client's.
func (c *classifier) contentTypeWrites(call *ast.CallExpr) Writes {
	info := c.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || !isHeaderSet(fn) || len(call.Args) != 2 {
		return 0
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && !c.viaMethod(sel.X, 0) {
		return 0
	}
	k, ok1 := constString(info, call.Args[0])
	v, ok2 := constString(info, call.Args[1])
	if !ok1 || !ok2 || !strings.EqualFold(k, "Content-Type") {
		return 0
	}
	return contentTypeKind(v)
}

// viaMethod reports whether e is what a Header method gives (see
// viaHeaderMethod).
func (c *classifier) viaMethod(e ast.Expr, depth int) bool {
	return viaHeaderMethod(c.pass.TypesInfo, c.localInits(), e, depth)
}

// localInits returns varInits of the package's files, found once.
func (c *classifier) localInits() map[*types.Var]ast.Expr {
	if c.inits == nil {
		c.inits = varInits(c.pass.TypesInfo, c.pass.Files)
	}
	return c.inits
}

// viaHeaderMethod reports whether e is what a Header method gives
// (w.Header(), c.Response().Header()), or a variable given that once
// (inits: see varInits). A header any other call gives is not taken
// for a response's: a client's request headers are built by helpers too
// (gensupport.SetHeaders in Google's API clients).
func viaHeaderMethod(info *types.Info, inits map[*types.Var]ast.Expr, e ast.Expr, depth int) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || fn.Name() != "Header" {
			return false
		}
		sig, ok := fn.Type().(*types.Signature)
		return ok && sig.Recv() != nil
	case *ast.Ident:
		if depth > 2 {
			return false
		}
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		init := inits[v]
		return init != nil && viaHeaderMethod(info, inits, init, depth+1)
	}
	return false
}

// varInits returns the expressions the variables of files, local or
// not, are given where they are declared (x := e, var x = e), for those
// given no other value.
func varInits(info *types.Info, files []*ast.File) map[*types.Var]ast.Expr {
	inits := map[*types.Var]ast.Expr{}
	reassigned := map[*types.Var]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok {
						continue
					}
					if v, ok := info.Defs[id].(*types.Var); ok && len(n.Rhs) == len(n.Lhs) {
						inits[v] = n.Rhs[i]
					} else if v, ok := info.Uses[id].(*types.Var); ok {
						reassigned[v] = true
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if v, ok := info.Defs[id].(*types.Var); ok && len(n.Values) == len(n.Names) {
						inits[v] = n.Values[i]
					}
				}
			}
			return true
		})
	}
	for v := range reassigned {
		delete(inits, v)
	}
	return inits
}

// headerPairWrites reads a content type handed to a response helper of
// the program's own, as a header name and value side by side: a
// builder's WithHeader("Content-Type", "text/html"), a helper's
// setHeader(w, "Content-Type", jsonType). Only functions of the analysed
// module count (see ownCode): a client library's SetHeader builds a
// request to another service, no response.
func (c *classifier) headerPairWrites(fn *types.Func, call *ast.CallExpr) Writes {
	if fn.Pkg() == nil || !c.ownCode(fn.Pkg().Path()) {
		return 0
	}
	if v, ok := contentTypePair(c.pass.TypesInfo, call.Args); ok {
		return contentTypeKind(v)
	}
	return 0
}

// contentTypePair returns the constant value that follows a constant
// "Content-Type" among args: a header name and value side by side.
func contentTypePair(info *types.Info, args []ast.Expr) (string, bool) {
	for i := 0; i+1 < len(args); i++ {
		if k, ok := constString(info, args[i]); ok && strings.EqualFold(k, "Content-Type") {
			if v, ok := constString(info, args[i+1]); ok {
				return v, true
			}
		}
	}
	return "", false
}

// ownCode reports whether a package is the analysed program's own: in the
// pass's module, or, when the driver names no module, under the same
// repository root as the package analysed (see repoRoot).
func (c *classifier) ownCode(path string) bool {
	return ownCode(modulePath(c.pass), c.pass.Pkg.Path(), path)
}

// ownCode reports whether the package at path belongs to module, or,
// with no module named, to the repository of pkgPath.
func ownCode(module, pkgPath, path string) bool {
	if module != "" {
		return path == module || strings.HasPrefix(path, module+"/")
	}
	return repoRoot(path) == repoRoot(pkgPath)
}

// modulePath is the path of the pass's module, "" when the driver names
// none.
func modulePath(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// repoRoot is the part of an import path that names a repository: three
// elements below a host (github.com/org/repo), else the first element.
func repoRoot(path string) string {
	parts := strings.SplitN(path, "/", 4)
	if strings.Contains(parts[0], ".") && len(parts) >= 3 {
		return strings.Join(parts[:3], "/")
	}
	return parts[0]
}

// contentTypeKind is what a response of a content type is.
func contentTypeKind(v string) Writes {
	v = strings.ToLower(v)
	switch {
	case strings.HasPrefix(v, "image/"), strings.HasPrefix(v, "font/"), strings.HasPrefix(v, "audio/"), strings.HasPrefix(v, "video/"):
		return WritesStatic // a file, though its type may say xml (image/svg+xml)
	case strings.Contains(v, "json"), strings.Contains(v, "xml"), strings.Contains(v, "protobuf"),
		strings.Contains(v, "yaml"), strings.HasPrefix(v, "text/event-stream"), strings.Contains(v, "csv"):
		return WritesJSON
	case strings.HasPrefix(v, "text/html"):
		return WritesPage
	}
	return 0
}

// frameworkContentType reads the content type a framework's context
// method sets or answers with: gin c.Header("Content-Type", v), echo and
// gin c.Blob / c.Data(code, contentType, b), fiber c.Set / c.Type.
func frameworkContentType(info *types.Info, fn *types.Func, call *ast.CallExpr) Writes {
	if !isContextMethod(fn) {
		return 0
	}
	switch fn.Name() {
	case "Header", "Set":
		if len(call.Args) == 2 {
			if k, ok := constString(info, call.Args[0]); ok && strings.EqualFold(k, "Content-Type") {
				if v, ok := constString(info, call.Args[1]); ok {
					return contentTypeKind(v)
				}
			}
		}
	case "Blob", "Data", "Stream", "DataFromReader":
		for _, a := range call.Args {
			if v, ok := constString(info, a); ok && strings.Contains(v, "/") {
				return contentTypeKind(v)
			}
		}
	}
	return 0
}

// handlerWrites returns what a handler expression writes.
func (c *classifier) handlerWrites(e ast.Expr) Writes {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.FuncLit:
		sig, _ := info.TypeOf(e).(*types.Signature)
		return c.bodyWrites(e.Body, answers(sig))
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.handlerWrites(e.Args[0]) // http.HandlerFunc(f)
		}
		// An adapter or middleware handed handlers (handle(fn, …),
		// withAdmin(func(…){…})) serves what they write; its own
		// writes (a redirect adding a slash, an error page) decide only
		// when the handlers say nothing.
		var args Writes
		for _, a := range e.Args {
			if isFuncOrHandler(info.TypeOf(a)) {
				args |= c.handlerWrites(a)
			}
		}
		if args != 0 {
			return args
		}
		if fn, ok := typeutil.Callee(info, e).(*types.Func); ok {
			if fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && fn.Name() == "StripPrefix" && len(e.Args) == 2 {
				return c.handlerWrites(e.Args[1])
			}
			return c.funcWrites(fn)
		}
		return 0
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := e.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[e.(*ast.SelectorExpr).Sel]
		}
		switch obj := obj.(type) {
		case *types.Func:
			return c.funcWrites(obj)
		case *types.Var:
			// A handler held in a variable given it once
			// (var usersGet = withAdmin(func(…){…})): what it was given.
			if init := c.localInits()[obj]; init != nil && !c.varBusy[obj] {
				if c.varBusy == nil {
					c.varBusy = map[*types.Var]bool{}
				}
				c.varBusy[obj] = true
				w := c.handlerWrites(init)
				delete(c.varBusy, obj)
				if w != 0 {
					return w
				}
			}
		}
	}
	// A value of a type with a ServeHTTP method.
	if t := info.TypeOf(e); t != nil {
		if m, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, "ServeHTTP"); m != nil {
			if fn, ok := m.(*types.Func); ok {
				return c.funcWrites(fn)
			}
		}
	}
	return 0
}

func isFuncOrHandler(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	return isHTTPHandler(t)
}

// constString returns the value of a constant string expression.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// decodesRequest reports whether call is json.NewDecoder(r.Body).Decode(v)
// (or yaml's) of a request body: a program's request. The decoder may be
// a variable given it once (dec := json.NewDecoder(r.Body); inits gives
// varInits when asked), and the body read through a standard reader
// (see requestBody).
func decodesRequest(info *types.Info, inits func() map[*types.Var]ast.Expr, fn *types.Func, call *ast.CallExpr) bool {
	return isDecode(fn) && requestBody(info, inits, coderArgVia(info, inits, call), 0)
}

// requestBody reports whether e reads a request's body: r.Body, a
// standard reader made on one (io.LimitReader(r.Body, n),
// http.MaxBytesReader(w, r.Body, n), bufio.NewReader(r.Body); see
// bodyReaders), or a variable given either once (inits).
func requestBody(info *types.Info, inits func() map[*types.Var]ast.Expr, e ast.Expr, depth int) bool {
	if depth > maxBodyDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name == "Body" && isNamed(info.TypeOf(e.X), "net/http", "Request")
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(info, e).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		i, ok := bodyReaders[fn.Pkg().Path()+"."+fn.Name()]
		return ok && i < len(e.Args) && requestBody(info, inits, e.Args[i], depth+1)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		return ok && requestBody(info, inits, inits()[v], depth+1)
	}
	return false
}

// maxBodyDepth bounds the readers and variables requestBody follows
// (and the calls mayBeBody, before type-checking, looks into).
const maxBodyDepth = 4

// bodyReaders are the standard library's functions returning a reader
// of what one of their arguments reads, with that argument's index.
var bodyReaders = map[string]int{
	"io.LimitReader":          0,
	"io.TeeReader":            0,
	"io.NopCloser":            0,
	"io/ioutil.NopCloser":     0,
	"bufio.NewReader":         0,
	"bufio.NewReaderSize":     0,
	"net/http.MaxBytesReader": 1,
}

// coderArgVia is coderArg, the coder also held in a variable given it
// once (enc := json.NewEncoder(w); enc.Encode(v)).
func coderArgVia(info *types.Info, inits func() map[*types.Var]ast.Expr, call *ast.CallExpr) ast.Expr {
	if arg := coderArg(call); arg != nil {
		return arg
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if mk, ok := ast.Unparen(inits()[v]).(*ast.CallExpr); ok && len(mk.Args) == 1 {
		return mk.Args[0]
	}
	return nil
}

// coderArg returns w of NewEncoder(w).Encode(v) or NewDecoder(r).Decode(v):
// the argument of the call the method is called on, or nil.
func coderArg(call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	mk, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok || len(mk.Args) != 1 {
		return nil
	}
	return mk.Args[0]
}

// implWrites returns what the concrete methods of the package named as
// the interface method fn, with its signature, write.
func (c *classifier) implWrites(fn *types.Func) Writes {
	if c.methods == nil {
		c.methods = map[string][]*types.Func{}
		for d := range c.decls {
			if sig := d.Type().(*types.Signature); sig.Recv() != nil && !types.IsInterface(sig.Recv().Type()) {
				c.methods[d.Name()] = append(c.methods[d.Name()], d)
			}
		}
	}
	if c.busy[fn] {
		return 0
	}
	c.busy[fn] = true
	defer delete(c.busy, fn)
	want := plainSig(fn.Type().(*types.Signature))
	var w Writes
	for _, m := range c.methods[fn.Name()] {
		if types.Identical(plainSig(m.Type().(*types.Signature)), want) {
			w |= c.funcWrites(m)
		}
	}
	return w
}

// setsContentType returns the kind of the content type a middleware sets
// on every response (c.Header("Content-Type", "application/json")), not
// what it writes on errors: a function literal or a function of this
// package, its own statements only.
func (c *classifier) setsContentType(e ast.Expr) Writes {
	var body *ast.BlockStmt
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		body = e.Body
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := c.pass.TypesInfo.Uses[identOf(e)].(*types.Func); ok {
			if d := c.decls[fn.Origin()]; d != nil {
				body = d.Body
			}
		}
	}
	if body == nil {
		return 0
	}
	var w Writes
	info := c.pass.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if cw := c.contentTypeWrites(n); cw != 0 {
				w |= cw
			} else if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && fn.Pkg() != nil && frameworkOf(fn.Pkg().Path()) != "" &&
				(fn.Name() == "Header" || fn.Name() == "Set") {
				w |= frameworkContentType(info, fn, n)
			}
		}
		return true
	})
	return w & (WritesJSON | WritesPage)
}
