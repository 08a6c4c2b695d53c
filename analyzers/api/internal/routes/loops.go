package routes

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Routes registered in a loop over a list written in the code:
//
//	for _, h := range []struct{ path string; h http.Handler }{
//		wrap(greetv1connect.NewGreetServiceHandler(svc)), …
//	} {
//		mux.Handle(h.path, h.h)
//	}
//	for p, h := range map[string]http.HandlerFunc{"/a": a, "/b": b} { … }
//
// The loop's body is walked once per element, its range variables bound
// to the element: a path read from them is the element's (see
// pathReader.bound), a handler the element's handler (see loopHandler).

// maxLoopElems bounds the lists unrolled: a longer one is data, not a
// route table.
const maxLoopElems = 256

// loopElem is what a range statement's variables stand for in one turn.
type loopElem struct {
	key, val ast.Expr
}

// unroll walks a range statement's body once per element of the list it
// ranges over, when that list is a literal (or a variable given one and
// nothing else) and the body uses a range variable; it reports whether
// it did.
func (x *extractor) unroll(rs *ast.RangeStmt) bool {
	elems := x.loopElems(rs.X)
	if len(elems) == 0 {
		return false
	}
	info := x.pass.TypesInfo
	key, val := rangeVar(info, rs.Key), rangeVar(info, rs.Value)
	if key == nil && val == nil || !uses(info, rs.Body, key, val) {
		return false
	}
	x.walk(rs.X)
	saved := x.memo
	for _, el := range elems {
		x.memo = make(map[*ast.CallExpr]*value, len(saved))
		for k, v := range saved {
			x.memo[k] = v
		}
		x.paths.bind(key, el.key)
		x.paths.bind(val, el.val)
		x.walk(rs.Body)
	}
	x.paths.bind(key, nil)
	x.paths.bind(val, nil)
	x.memo = saved
	return true
}

// rangeVar returns the variable a range statement defines or assigns.
func rangeVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := cmpObj(info, id).(*types.Var)
	return v
}

// uses reports whether n refers to one of the variables.
func uses(info *types.Info, n ast.Node, vs ...*types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			for _, v := range vs {
				if v != nil && info.Uses[id] == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// loopElems returns the elements of the list a range statement ranges
// over, when it is a slice, array or map literal, directly or through a
// variable of the function (or package) given it once and never
// assigned or changed otherwise.
func (x *extractor) loopElems(e ast.Expr) []loopElem {
	lit := x.listLit(e)
	if lit == nil || len(lit.Elts) == 0 || len(lit.Elts) > maxLoopElems {
		return nil
	}
	t := x.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return nil
	}
	_, isMap := t.Underlying().(*types.Map)
	out := make([]loopElem, 0, len(lit.Elts))
	for _, el := range lit.Elts {
		kv, keyed := el.(*ast.KeyValueExpr)
		switch {
		case isMap && keyed:
			out = append(out, loopElem{key: kv.Key, val: kv.Value})
		case keyed:
			out = append(out, loopElem{val: kv.Value}) // [...]T{2: v}: the index is no path
		default:
			out = append(out, loopElem{val: el})
		}
	}
	return out
}

// listLit returns the slice, array or map literal e is or holds.
func (x *extractor) listLit(e ast.Expr) *ast.CompositeLit {
	info := x.pass.TypesInfo
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		if t := info.TypeOf(lit); t != nil { // nil: not type-checked (a package with errors)
			switch t.Underlying().(type) {
			case *types.Slice, *types.Array, *types.Map:
				return lit
			}
		}
		return nil
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	// Given once where it is declared (x.cls.localInits leaves out the
	// variables assigned again), and never changed through its address
	// or its elements.
	lit, ok := ast.Unparen(x.cls.localInits()[v]).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if d := x.decls[x.decl]; d != nil && v.Parent() != x.pass.Pkg.Scope() {
		if changed(info, d.Body, v) {
			return nil
		}
	} else if x.packageVarChanged(v) {
		return nil
	}
	return x.listLit(lit)
}

// packageVarChanged is changed in any file of the package, for a
// package-level variable, computed once per variable.
func (x *extractor) packageVarChanged(v *types.Var) bool {
	if c, ok := x.changedVars[v]; ok {
		return c
	}
	c := false
	for _, f := range x.pass.Files {
		if c = changed(x.pass.TypesInfo, f, v); c {
			break
		}
	}
	if x.changedVars == nil {
		x.changedVars = map[*types.Var]bool{}
	}
	x.changedVars[v] = c
	return c
}

// changed reports whether n changes v other than by assigning it: takes
// its address, assigns an element (v[i] = h) or appends to it.
func changed(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
				found = true
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
					if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok && info.Uses[id] == v {
						found = true
					}
				}
			}
		case *ast.CallExpr:
			if b, ok := typeutil.Callee(info, n).(*types.Builtin); ok && b.Name() == "append" && len(n.Args) > 0 {
				if id, ok := ast.Unparen(n.Args[0]).(*ast.Ident); ok && info.Uses[id] == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// bind makes v stand for e in paths read until it is bound again (nil:
// no longer).
func (pr *pathReader) bind(v *types.Var, e ast.Expr) {
	if v == nil {
		return
	}
	if pr.loop == nil {
		pr.loop = map[*types.Var]ast.Expr{}
	}
	if e == nil {
		delete(pr.loop, v)
		return
	}
	pr.loop[v] = e
}

// element returns what a range variable, or a field of one (h.path),
// stands for in the current turn of an unrolled loop: an expression, or
// the result of a call (result index of fn) when the element is built
// by a function of the package from another call's results
// (wrap(greetv1connect.NewGreetServiceHandler(svc))).
func (pr *pathReader) element(e ast.Expr) (expr ast.Expr, fn *types.Func, index int) {
	if len(pr.loop) == 0 {
		return nil, nil, 0
	}
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := pr.info.Uses[id].(*types.Var); ok {
			return pr.loop[v], nil, 0
		}
		return nil, nil, 0
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return nil, nil, 0
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil, nil, 0
	}
	v, ok := pr.info.Uses[id].(*types.Var)
	if !ok || pr.loop[v] == nil {
		return nil, nil, 0
	}
	return pr.field(pr.loop[v], sel.Sel.Name, 0)
}

// field returns the expression a struct value's field is given: in a
// struct literal, or in the literal a function of the package returns
// from its parameters (then the argument of the call, or the result of
// the one call its arguments come from).
func (pr *pathReader) field(e ast.Expr, name string, depth int) (ast.Expr, *types.Func, int) {
	if depth > 2 {
		return nil, nil, 0
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		t := pr.info.TypeOf(e)
		if t == nil {
			return nil, nil, 0 // not type-checked (a package with errors)
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return nil, nil, 0
		}
		for i, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == name {
					return kv.Value, nil, 0
				}
				continue
			}
			if i < st.NumFields() && st.Field(i).Name() == name {
				return el, nil, 0
			}
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(pr.info, e).(*types.Func)
		if !ok || pr.decls == nil {
			return nil, nil, 0
		}
		d := pr.decls[fn.Origin()]
		if d == nil || d.Body == nil || len(d.Body.List) != 1 {
			return nil, nil, 0
		}
		ret, ok := d.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return nil, nil, 0
		}
		inner, _, _ := pr.field(ret.Results[0], name, depth+1)
		id, ok := ast.Unparen(inner).(*ast.Ident)
		if !ok {
			if inner != nil {
				if _, isConst := constString(pr.info, inner); isConst {
					return inner, nil, 0
				}
			}
			return nil, nil, 0
		}
		p, ok := pr.info.Uses[id].(*types.Var)
		if !ok {
			return nil, nil, 0
		}
		sig := fn.Type().(*types.Signature)
		for i := 0; i < sig.Params().Len(); i++ {
			if sig.Params().At(i).Origin() != p.Origin() {
				continue
			}
			if len(e.Args) == sig.Params().Len() && !e.Ellipsis.IsValid() {
				return e.Args[i], nil, 0
			}
			if len(e.Args) == 1 {
				if c, ok := ast.Unparen(e.Args[0]).(*ast.CallExpr); ok {
					if g, ok := typeutil.Callee(pr.info, c).(*types.Func); ok {
						return nil, g, i // f(g()): the parameter is g's result i
					}
				}
			}
		}
	}
	return nil, nil, 0
}
