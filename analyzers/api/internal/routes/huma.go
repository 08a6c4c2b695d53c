package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Huma v2 (github.com/danielgtaylor/huma/v2) registers operations on an
// API that an adapter makes over a router (humachi.New(r, cfg),
// humago.NewWithPrefix(mux, "/api", cfg), humagin.NewWithGroup(e, g,
// cfg)): its routes are the router's, below the adapter's prefix or
// group. Operations are registered with huma.Register(api,
// huma.Operation{Method, Path, …}, handler) or huma.Get/Post/…(api,
// path, handler), on the API or on a huma.NewGroup(api, prefixes…).
// Every operation answers with its output's Body, encoded as JSON: an
// API route, and an encoded value for api.storage-model-exposed.

const humaModule = "github.com/danielgtaylor/huma"

// isHumaAdapter reports whether a package is one of Huma's router adapters.
func isHumaAdapter(pkgPath string) bool {
	rest, ok := strings.CutPrefix(pkgPath, humaModule+"/v")
	if !ok {
		return false
	}
	_, adapter, ok := strings.Cut(rest, "/adapters/")
	return ok && adapter != ""
}

// humaFunc handles the package-level functions of Huma and its adapters.
func (x *extractor) humaFunc(fn *types.Func, call *ast.CallExpr) *value {
	info := x.pass.TypesInfo
	if isHumaAdapter(fn.Pkg().Path()) {
		return x.humaAdapter(fn.Name(), call)
	}
	if len(call.Args) == 0 {
		return nil
	}
	api := x.eval(call.Args[0])
	if api == nil || api.n == nil || api.builder {
		if routerType(info.TypeOf(call.Args[0])) == "" {
			return nil
		}
		api = &value{n: &node{kind: nodeUnknown, root: isRootRouter(info.TypeOf(call.Args[0]))}, fw: "huma"}
	}
	switch name := fn.Name(); name {
	case "NewGroup":
		// A group serves every operation below each of its prefixes.
		g := &node{kind: nodeCreated}
		prefixes := call.Args[1:]
		if len(prefixes) == 0 {
			x.edges = append(x.edges, &edge{child: g, parent: api.n, prefix: api.prefix, mount: api.mount, dyn: api.dyn, host: api.host})
		}
		for _, p := range prefixes {
			s, ok := x.prefixOf(x.paths.path(p))
			x.edges = append(x.edges, &edge{child: g, parent: api.n, prefix: below(api.prefix, api.mount, s), dyn: api.dyn || !ok, host: api.host})
		}
		return &value{n: g, fw: "huma"}
	case "Register":
		if len(call.Args) < 3 {
			return nil
		}
		method, p, ok := "", unknownSegment, false
		if lit := x.operation(call.Args[1]); lit != nil {
			method, p, ok = x.humaOperation(lit)
		}
		x.humaRoute(api, method, p, ok, call.Args[2], call)
	default:
		m, isVerb := verb(name)
		if !isVerb || len(call.Args) < 3 {
			return nil
		}
		p, ok := x.paths.path(call.Args[1])
		x.humaRoute(api, m, p, ok, call.Args[2], call)
	}
	return nil
}

// humaAdapter evaluates an adapter's constructor to the router it
// registers on: New(router, cfg), NewWithPrefix(router, prefix, cfg),
// NewWithGroup(router, group, cfg).
func (x *extractor) humaAdapter(name string, call *ast.CallExpr) *value {
	if !strings.HasPrefix(name, "New") || len(call.Args) < 2 {
		return nil
	}
	r := call.Args[0]
	if name == "NewWithGroup" && len(call.Args) >= 3 {
		r = call.Args[1]
	}
	inner := x.eval(r)
	if inner == nil || inner.n == nil || inner.builder {
		return &value{n: &node{kind: nodeCreated}, fw: "huma"}
	}
	v := *inner
	v.fw = "huma"
	if name == "NewWithPrefix" && len(call.Args) >= 3 {
		s, ok := x.prefixOf(x.paths.path(call.Args[1]))
		v.prefix = below(inner.prefix, inner.mount, s)
		v.mount, v.dyn = false, inner.dyn || !ok
	}
	return &v
}

// humaRoute registers one operation, an API route, and the Body of its
// output as an encoded value.
func (x *extractor) humaRoute(api *value, method, p string, ok bool, h ast.Expr, call *ast.CallExpr) {
	x.add(api, "huma", strings.ToUpper(method), "", orUnknown(p, ok), ok, h, WritesJSON, call)
	if body := humaBody(x.pass.TypesInfo.TypeOf(h)); body != nil {
		x.encodes = append(x.encodes, Encode{Pos: call.Pos(), Type: body})
	}
}

// humaBody returns the type of the Body field of a Huma handler's output
// (func(context.Context, *I) (*O, error)), or nil.
func humaBody(t types.Type) types.Type {
	sig, ok := t.(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return nil
	}
	out := sig.Results().At(0).Type()
	if p, ok := out.(*types.Pointer); ok {
		out = p.Elem()
	}
	st, ok := out.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Name() == "Body" {
			return f.Type()
		}
	}
	return nil
}

// operation finds the huma.Operation literal an argument is made from: the
// literal itself, its address, a variable given one, or the argument of
// a helper that decorates one.
func (x *extractor) operation(e ast.Expr) *ast.CompositeLit {
	for depth := 0; depth < 4 && e != nil; depth++ {
		switch v := ast.Unparen(e).(type) {
		case *ast.CompositeLit:
			return v
		case *ast.UnaryExpr:
			if v.Op != token.AND {
				return nil
			}
			e = v.X
		case *ast.Ident:
			return x.opLits[x.pass.TypesInfo.Uses[v]]
		case *ast.CallExpr:
			e = nil
			for _, a := range v.Args {
				if isNamed(x.pass.TypesInfo.TypeOf(a), humaModule+"/v2", "Operation") {
					e = a
					break
				}
			}
		default:
			return nil
		}
	}
	return nil
}

// humaOperation reads the method and path of a huma.Operation literal.
func (x *extractor) humaOperation(lit *ast.CompositeLit) (method, p string, ok bool) {
	info := x.pass.TypesInfo
	p = unknownSegment
	for _, el := range lit.Elts {
		kv, isKV := el.(*ast.KeyValueExpr)
		if !isKV {
			continue
		}
		id, isID := kv.Key.(*ast.Ident)
		if !isID {
			continue
		}
		switch id.Name {
		case "Method":
			if s, isConst := constString(info, kv.Value); isConst {
				method = s
			} else {
				method = unknownSegment
			}
		case "Path":
			p, ok = x.paths.path(kv.Value)
		}
	}
	return method, p, ok
}

// recordOperation remembers a variable given a huma.Operation literal.
func (x *extractor) recordOperation(lhs, rhs ast.Expr) {
	lit, ok := ast.Unparen(rhs).(*ast.CompositeLit)
	if !ok {
		if u, isU := ast.Unparen(rhs).(*ast.UnaryExpr); isU && u.Op == token.AND {
			lit, ok = ast.Unparen(u.X).(*ast.CompositeLit)
		}
	}
	if !ok || !isNamed(x.pass.TypesInfo.TypeOf(lit), humaModule+"/v2", "Operation") {
		return
	}
	if id, isID := ast.Unparen(lhs).(*ast.Ident); isID {
		if obj := cmpObj(x.pass.TypesInfo, id); obj != nil {
			x.opLits[obj] = lit
		}
	}
}
