package routes

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// encodedArgs returns the arguments a call encodes as a response body:
// json.NewEncoder(w).Encode(v) with w a ResponseWriter, c.JSON(code, v)
// of gin, echo and fiber, and (through facts) helpers that pass a
// parameter to one of those. json.Marshal counts when the function
// making the call handles a request (has a ResponseWriter parameter).
func (c *classifier) encodedArgs(call *ast.CallExpr, handling bool) []ast.Expr {
	info := c.pass.TypesInfo
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil
	}
	last := func() []ast.Expr {
		if len(call.Args) == 0 {
			return nil
		}
		return call.Args[len(call.Args)-1:]
	}
	switch pkg, name := fn.Pkg().Path(), fn.Name(); {
	case pkg == "encoding/json" && name == "Encode":
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		mk, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok || len(mk.Args) != 1 || !isResponseWriter(info.TypeOf(mk.Args[0])) {
			return nil
		}
		return call.Args
	case pkg == "encoding/json" && isMarshalName(name):
		if handling && len(call.Args) > 0 {
			return call.Args[:1]
		}
		return nil
	case frameworkOf(pkg) == "gin" || frameworkOf(pkg) == "echo" || frameworkOf(pkg) == "fiber":
		if !isContextMethod(fn) {
			return nil
		}
		switch name {
		case "JSON", "IndentedJSON", "SecureJSON", "AsciiJSON", "PureJSON", "AbortWithStatusJSON", "JSONP":
			return last()
		case "JSONPretty":
			if len(call.Args) == 3 {
				return call.Args[1:2]
			}
		}
		return nil
	}
	var params []int
	if _, local := c.decls[fn.Origin()]; local {
		params = c.funcEncodes(fn.Origin())
	} else if f := c.importFact(fn); f != nil {
		params = f.EncodesParams
	}
	var out []ast.Expr
	for _, i := range params {
		if i < len(call.Args) {
			out = append(out, call.Args[i])
		}
	}
	return out
}

func isResponseWriter(t types.Type) bool {
	return isNamed(t, "net/http", "ResponseWriter")
}

func hasResponseWriterParam(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		if isResponseWriter(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// funcEncodes returns the indices of fn's interface-typed parameters
// that fn encodes as a response body.
func (c *classifier) funcEncodes(fn *types.Func) []int {
	if ps, ok := c.encParams[fn]; ok {
		return ps
	}
	d := c.decls[fn]
	if d == nil || c.encBusy[fn] {
		return nil
	}
	c.encBusy[fn] = true
	defer delete(c.encBusy, fn)
	sig := fn.Type().(*types.Signature)
	index := map[types.Object]int{}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if types.IsInterface(p.Type()) {
			index[p] = i
		}
	}
	var out []int
	if len(index) > 0 {
		handling := hasResponseWriterParam(sig)
		ast.Inspect(d.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for _, a := range c.encodedArgs(call, handling) {
				if id, ok := ast.Unparen(a).(*ast.Ident); ok {
					if i, ok := index[c.pass.TypesInfo.Uses[id]]; ok {
						out = append(out, i)
					}
				}
			}
			return true
		})
		if len(out) == 0 && c.funcWrites(fn)&WritesJSON != 0 {
			out = c.passedOn(d.Body, index)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	c.encParams[fn] = out
	return out
}

// encodes lists the values the package encodes as responses, leaving
// out the interface-typed parameters of helpers (their callers' arguments
// are listed instead).
func (c *classifier) encodes(ins *inspector.Inspector) []Encode {
	var out []Encode
	info := c.pass.TypesInfo
	var sigs []*types.Signature
	ins.Nodes([]ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil)}, func(n ast.Node, push bool) bool {
		switch n := n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			if !push {
				sigs = sigs[:len(sigs)-1]
				return true
			}
			var t types.Type
			if d, ok := n.(*ast.FuncDecl); ok {
				if obj := info.Defs[d.Name]; obj != nil {
					t = obj.Type()
				}
			} else {
				t = info.TypeOf(n.(*ast.FuncLit))
			}
			sig, _ := t.(*types.Signature)
			sigs = append(sigs, sig)
		case *ast.CallExpr:
			if !push {
				return true
			}
			handling := false
			for _, s := range sigs {
				if s != nil && hasResponseWriterParam(s) {
					handling = true
				}
			}
			for _, a := range c.encodedArgs(n, handling) {
				t := info.TypeOf(a)
				if t == nil || types.IsInterface(t) {
					if id, ok := ast.Unparen(a).(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && v.Parent() != nil && v.Parent() != c.pass.Pkg.Scope() {
							// probably a parameter passed on: its callers are listed
							if _, isParam := paramOf(sigs, v); isParam {
								continue
							}
						}
					}
				}
				out = append(out, Encode{Pos: a.Pos(), Expr: a, Type: t})
			}
		}
		return true
	})
	return out
}

func paramOf(sigs []*types.Signature, v *types.Var) (int, bool) {
	for _, s := range sigs {
		if s == nil {
			continue
		}
		for i := 0; i < s.Params().Len(); i++ {
			if s.Params().At(i) == v {
				return i, true
			}
		}
	}
	return 0, false
}

// passedOn returns the indices of the interface-typed parameters that a
// function writing a JSON response hands on to a call or a composite
// literal: response helpers often wrap the value before encoding it
// (NewResponse(data, status).SendJSON(c)), which the direct check above
// cannot follow.
func (c *classifier) passedOn(body *ast.BlockStmt, index map[types.Object]int) []int {
	var out []int
	use := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			obj := c.pass.TypesInfo.Uses[id]
			if i, ok := index[obj]; ok && isEmptyInterface(obj.Type()) {
				out = append(out, i)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, ok := c.pass.TypesInfo.Types[n.Fun]; ok && tv.IsType() {
				return true // a conversion, not a hand-over
			}
			for _, a := range n.Args {
				use(a)
			}
		case *ast.CompositeLit:
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				use(el)
			}
		}
		return true
	})
	return out
}

func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.Empty()
}
