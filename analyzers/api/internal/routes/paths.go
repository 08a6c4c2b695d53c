package routes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A part of a path that is not a constant is written as a dynamic
// segment: "{?" and the expression it comes from, when that is short
// and plain ({?cfg.RootPath}, {?basePath}), then "}"; {?} when it is
// not. Route.Path keeps the "?" so that a dynamic part is never taken
// for a router's wildcard ({id}); Shown drops it for people.

// unknownSegment stands for a part of a path that is not a constant and
// whose expression is not shown.
const unknownSegment = "{?}"

// maxExprLen bounds the expression a dynamic segment shows.
const maxExprLen = 40

// dynSegment writes the dynamic segment of a non-constant expression.
func dynSegment(e ast.Expr) string {
	s := types.ExprString(ast.Unparen(e))
	if len(s) > maxExprLen {
		return unknownSegment
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '.', r == '(', r == ')':
		default:
			return unknownSegment // a literal, an operator, a path: nothing a reader would recognise
		}
	}
	return "{?" + s + "}"
}

// IsDynamic reports whether a path segment is a part that is not a
// constant ({?} or {?expr}).
func IsDynamic(seg string) bool {
	return strings.HasPrefix(seg, "{?") && strings.HasSuffix(seg, "}")
}

// HasDynamic reports whether a path has a part that is not a constant.
func HasDynamic(p string) bool {
	return strings.Contains(p, "{?")
}

// Shown writes a path as people read it: dynamic segments by their
// expression ({cfg.RootPath}/api/agents), {?} where it is not known.
func Shown(p string) string {
	if !strings.Contains(p, "{?") {
		return p
	}
	return replaceMarked(p, "{?", func(expr string) string {
		if expr == "" {
			return unknownSegment
		}
		return "{" + expr + "}"
	})
}

// replaceMarked replaces each run of s that starts with open and ends
// with the next "}" by f of the text between them.
func replaceMarked(s, open string, f func(string) string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, open)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(f(s[i+len(open) : i+j]))
		s = s[i+j+1:]
	}
}

// identOf returns the identifier an expression names: x, or pkg.X and
// v.F by their last part.
func identOf(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// pathReader reads paths from expressions: constants, and package
// variables given a constant that the package never assigns
// (var APIPrefix = "/api/v2"), which are constants in all but name.
type pathReader struct {
	info *types.Info
	// inits are the initializers of the package's variables; vars the
	// constant strings among them that the package never assigns.
	inits map[*types.Var]ast.Expr
	vars  map[*types.Var]string
	// params are the string parameters of the declaration being walked:
	// a path made from one is a template (see wrappers.go).
	params map[*types.Var]int
	// results are the variables given, once, the first result of a call
	// (path, h := greetv1connect.NewGreetServiceHandler(svc)), with the
	// function called; resultPath says which constant a function always
	// returns first.
	results    map[*types.Var]*types.Func
	resultPath func(*types.Func) (string, bool)
	// decls are the package's functions; loop what range variables
	// stand for in the turn of an unrolled loop (see loops.go).
	decls map[*types.Func]*ast.FuncDecl
	loop  map[*types.Var]ast.Expr
}

// newPathReader reads the package's variables in files: their
// initializers, which are constants, and which are given a call's first
// result.
func newPathReader(info *types.Info, pkg *types.Package, files []*ast.File) *pathReader {
	pr := &pathReader{info: info, inits: map[*types.Var]ast.Expr{}, vars: map[*types.Var]string{}, results: map[*types.Var]*types.Func{}}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, n := range vs.Names {
					if v, isVar := info.Defs[n].(*types.Var); isVar && v.Parent() == pkg.Scope() {
						pr.inits[v] = vs.Values[i]
						if s, isConst := constString(info, vs.Values[i]); isConst {
							pr.vars[v] = s
						}
					}
				}
			}
		}
	}
	// A variable assigned or whose address is taken is no constant; one
	// given a call's first result once is that result.
	drop := func(e ast.Expr) {
		if id := identOf(e); id != nil {
			if v, ok := info.Uses[id].(*types.Var); ok {
				delete(pr.vars, v)
			}
		}
	}
	seen := map[*types.Var]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					drop(l)
				}
				if len(n.Lhs) >= 2 && len(n.Rhs) == 1 {
					pr.firstResult(n, seen)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					drop(n.X)
				}
			}
			return true
		})
	}
	return pr
}

// firstResult records the variable an assignment gives a call's first
// result (path, h := f()), unless it is given another value too.
func (pr *pathReader) firstResult(as *ast.AssignStmt, seen map[*types.Var]bool) {
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return
	}
	v, ok := cmpObj(pr.info, id).(*types.Var)
	if !ok {
		return
	}
	var fn *types.Func
	if call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); isCall {
		fn, _ = typeutil.Callee(pr.info, call).(*types.Func)
	}
	if seen[v] {
		fn = nil // assigned twice
	}
	pr.results[v] = fn
	seen[v] = true
}

// str returns the value of a constant string expression or of a
// constant variable.
func (pr *pathReader) str(e ast.Expr) (string, bool) {
	if s, ok := constString(pr.info, e); ok {
		return s, true
	}
	if el, fn, i := pr.element(e); el != nil {
		return pr.str(el)
	} else if fn != nil && i == 0 && pr.resultPath != nil {
		return pr.resultPath(fn)
	}
	id := identOf(e)
	if id == nil {
		return "", false
	}
	if v, ok := pr.info.Uses[id].(*types.Var); ok {
		if s, ok := pr.vars[v]; ok {
			return s, true
		}
		if fn := pr.results[v]; fn != nil && pr.resultPath != nil {
			return pr.resultPath(fn)
		}
	}
	return "", false
}

// path returns the value of a path expression: a constant, or a
// concatenation whose non-constant parts are written as dynamic segments
// ({?cfg.RootPath}). ok is false when any part is not a constant.
func (pr *pathReader) path(e ast.Expr) (s string, ok bool) {
	info := pr.info
	if s, ok := pr.str(e); ok {
		return s, true
	}
	if el, _, _ := pr.element(e); el != nil {
		return pr.path(el)
	}
	if id, isID := ast.Unparen(e).(*ast.Ident); isID && pr.params != nil {
		if v, isVar := info.Uses[id].(*types.Var); isVar {
			if i, isParam := pr.params[v]; isParam {
				return tmplSegment(i), true
			}
		}
	}
	if b, isBin := ast.Unparen(e).(*ast.BinaryExpr); isBin && b.Op == token.ADD {
		l, okl := pr.path(b.X)
		r, okr := pr.path(b.Y)
		return l + r, okl && okr
	}
	if call, isCall := ast.Unparen(e).(*ast.CallExpr); isCall && len(call.Args) > 0 {
		fn, isFn := typeutil.Callee(info, call).(*types.Func)
		if !isFn || fn.Pkg() == nil || fn.Type().(*types.Signature).Recv() != nil || call.Ellipsis.IsValid() {
			return dynSegment(e), false
		}
		// fmt.Sprintf("/{%s}", paramName), as routes with named
		// parameters are often written.
		if fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf" {
			if s, ok, known := pr.sprintf(call); known {
				return s, ok
			}
		}
		// path.Join(prefix, "/login"), as routes are often written.
		if fn.Name() == "Join" && fn.Pkg().Path() == "path" {
			parts := make([]string, 0, len(call.Args))
			all := true
			for _, a := range call.Args {
				s, ok := pr.path(a)
				parts = append(parts, s)
				all = all && ok
			}
			return joinParts(parts), all
		}
	}
	return dynSegment(e), false
}

// sprintfPath formats a fmt.Sprintf call whose format is a constant:
// constant arguments as fmt formats them, others as dynamic segments.
// known is false for a format it does not follow (flags, widths,
// explicit argument indexes), which is then one dynamic segment.
func (pr *pathReader) sprintf(call *ast.CallExpr) (s string, ok, known bool) {
	info := pr.info
	format, isConst := pr.str(call.Args[0])
	if !isConst {
		return "", false, false
	}
	args := call.Args[1:]
	var b strings.Builder
	ok = true
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", false, false
		}
		i++
		verb := format[i]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if !strings.ContainsRune("sdvq", rune(verb)) || len(args) == 0 {
			return "", false, false
		}
		a := args[0]
		args = args[1:]
		if v, isConst := pr.str(a); isConst {
			fmt.Fprintf(&b, "%"+string(verb), v)
			continue
		}
		switch tv := info.Types[a]; {
		case tv.Value != nil && tv.Value.Kind() == constant.Int && verb != 's' && verb != 'q':
			b.WriteString(tv.Value.ExactString())
		default:
			p, pok := pr.path(a)
			b.WriteString(p)
			ok = ok && pok
		}
	}
	if len(args) != 0 {
		return "", false, false
	}
	return b.String(), ok, true
}

// joinParts joins path parts as path.Join does, keeping a trailing
// wildcard such as /* as it is.
func joinParts(parts []string) string {
	var segs []string
	for _, p := range parts {
		for _, s := range strings.Split(p, "/") {
			if s != "" && s != "." {
				segs = append(segs, s)
			}
		}
	}
	if len(segs) == 0 {
		if len(parts) > 0 && strings.HasPrefix(parts[0], "/") {
			return "/"
		}
		return ""
	}
	out := strings.Join(segs, "/")
	if strings.HasPrefix(parts[0], "/") || IsDynamic(parts[0]) {
		out = "/" + out
	}
	return out
}
