package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/data/sqlscan"
)

// text is a string expression resolved as far as statically possible.
type text struct {
	s        string // the text, with sqlscan.Hole for unresolved parts
	constant bool   // no part is unresolved
	param    int    // index of the enclosing function's parameter the text derives from, or -1
	name     string // the named constant the text comes from, if any ("pkg.getAuthor")
}

func hole() text { return text{s: sqlscan.Hole, param: -1} }

// assignment is one way a variable gets a value.
type assignment struct {
	rhs ast.Expr // nil when the value cannot be tracked (tuple assignment, &v, range)
	add bool     // v += rhs
}

// resolver resolves string expressions of one package.
type resolver struct {
	info    *types.Info
	assigns map[*types.Var][]assignment
}

// newResolver records every assignment to the package's variables.
func newResolver(pass *analysis.Pass, in *inspector.Inspector) *resolver {
	r := &resolver{info: pass.TypesInfo, assigns: map[*types.Var][]assignment{}}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := r.info.ObjectOf(id).(*types.Var)
		return v
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)}
	in.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := varOf(lhs)
				if v == nil {
					continue
				}
				a := assignment{add: n.Tok == token.ADD_ASSIGN}
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN || n.Tok == token.ADD_ASSIGN) {
					a.rhs = n.Rhs[i]
				} else if i == 0 && len(n.Rhs) == 1 {
					// q, args, err := sqlx.In(q, ids): the query comes back rewritten.
					a.rhs = r.queryRewrite(n.Rhs[0])
				}
				if a.rhs != nil && !a.add && len(r.assigns[v]) > 0 && varOf(r.rewritten(a.rhs)) == v {
					continue // q = db.Rebind(q) keeps the query
				}
				r.assigns[v] = append(r.assigns[v], a)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, _ := r.info.Defs[name].(*types.Var)
				if v == nil || len(n.Values) == 0 {
					continue
				}
				a := assignment{}
				if len(n.Values) == len(n.Names) {
					a.rhs = n.Values[i]
				}
				r.assigns[v] = append(r.assigns[v], a)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := varOf(n.X); v != nil {
					r.assigns[v] = append(r.assigns[v], assignment{})
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := varOf(e); v != nil {
					r.assigns[v] = append(r.assigns[v], assignment{})
				}
			}
		}
	})
	return r
}

// queryRewrite returns the query argument of a call that returns a
// rewritten query first (sqlx.In, sqlx.Named, BindNamed), or nil.
func (r *resolver) queryRewrite(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	switch fn.Name() {
	case "In", "Named", "BindNamed":
		for _, a := range call.Args {
			if isString(r.info.TypeOf(a)) {
				return a
			}
		}
	}
	return nil
}

// rewritten returns the query argument of Rebind(q), TrimSpace(q),
// sqlx.In(q, …), or e itself.
func (r *resolver) rewritten(e ast.Expr) ast.Expr {
	if q := r.queryRewrite(e); q != nil {
		return q
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) > 0 {
		if fn, _ := typeutil.Callee(r.info, call).(*types.Func); fn != nil {
			switch fn.Name() {
			case "Rebind", "TrimSpace":
				return call.Args[len(call.Args)-1]
			}
		}
	}
	return e
}

// resolve returns the text of e. params maps the enclosing function's
// string parameters to their indices; a text derived from one of them
// reports it.
func (r *resolver) resolve(e ast.Expr, params map[*types.Var]int) text {
	return r.resolveDepth(e, params, 0)
}

func (r *resolver) resolveDepth(e ast.Expr, params map[*types.Var]int, depth int) text {
	if depth > 20 || e == nil {
		return hole()
	}
	e = ast.Unparen(e)
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		t := text{s: constString(tv.Value), constant: true, param: -1}
		if id := identOf(e); id != nil {
			if c, ok := r.info.Uses[id].(*types.Const); ok && c.Pkg() != nil && c.Parent() == c.Pkg().Scope() {
				t.name = c.Pkg().Name() + "." + c.Name()
			}
		}
		return t
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return hole()
		}
		x := r.resolveDepth(e.X, params, depth+1)
		y := r.resolveDepth(e.Y, params, depth+1)
		p := x.param
		if p < 0 {
			p = y.param
		}
		return text{s: x.s + y.s, constant: x.constant && y.constant, param: p}
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok {
			return hole()
		}
		if i, ok := params[v]; ok {
			return text{s: sqlscan.Hole, param: i}
		}
		return r.variable(v, params, depth)
	case *ast.CallExpr:
		return r.call(e, params, depth)
	}
	return hole()
}

// variable resolves a variable assigned once, possibly extended with +=.
func (r *resolver) variable(v *types.Var, params map[*types.Var]int, depth int) text {
	as := r.assigns[v]
	if len(as) == 0 || as[0].rhs == nil || as[0].add {
		return hole()
	}
	t := r.resolveDepth(as[0].rhs, params, depth+1)
	t.name = ""
	for _, a := range as[1:] {
		if !a.add || a.rhs == nil {
			return hole()
		}
		// Appended in some branch: keep every branch's text, so tables and
		// clauses are all seen, but the result is no longer one constant.
		more := r.resolveDepth(a.rhs, params, depth+1)
		t.s += more.s
		t.constant = false
	}
	return t
}

// call resolves fmt.Sprintf with a constant format and the string
// helpers that keep a query's meaning (Rebind, TrimSpace).
func (r *resolver) call(call *ast.CallExpr, params map[*types.Var]int, depth int) text {
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return hole()
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "fmt" && name == "Sprintf" && len(call.Args) > 0:
		f := r.resolveDepth(call.Args[0], params, depth+1)
		if f.param >= 0 || !f.constant {
			return text{s: sqlscan.Hole, param: f.param}
		}
		args := make([]text, len(call.Args)-1)
		for i, a := range call.Args[1:] {
			args[i] = r.resolveDepth(a, params, depth+1)
		}
		return sprintf(f.s, args)
	case path == "strings" && (name == "TrimSpace" || name == "ToLower" || name == "ToUpper") && len(call.Args) == 1,
		name == "Rebind" && len(call.Args) > 0:
		t := r.resolveDepth(call.Args[len(call.Args)-1], params, depth+1)
		t.name = ""
		return t
	}
	return hole()
}

// sprintf formats like fmt.Sprintf, putting resolved constant arguments in
// place and a Hole where an argument is unknown.
func sprintf(format string, args []text) text {
	var b strings.Builder
	out := text{constant: true, param: -1}
	argi := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			b.WriteString(format[i:])
			break
		}
		if format[j] == '%' {
			b.WriteByte('%')
			i = j
			continue
		}
		if argi < len(args) && args[argi].constant && format[j] != 'q' {
			b.WriteString(args[argi].s)
		} else {
			b.WriteString(sqlscan.Hole)
			out.constant = false
		}
		argi++
		i = j
	}
	out.s = b.String()
	return out
}

func constString(v constant.Value) string {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v)
	case constant.Int:
		if i, ok := constant.Int64Val(v); ok {
			return strconv.FormatInt(i, 10)
		}
	}
	return v.ExactString()
}

func identOf(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}
