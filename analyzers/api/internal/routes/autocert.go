package routes

import (
	"go/ast"
	"go/types"
)

// isAutocertHandler reports whether fn is autocert's Manager.HTTPHandler,
// which answers ACME's HTTP challenges itself and hands every other
// request to its fallback.
func isAutocertHandler(fn *types.Func) bool {
	return fn.Name() == "HTTPHandler" && fn.Pkg() != nil && fn.Pkg().Path() == "golang.org/x/crypto/acme/autocert" &&
		fn.Type().(*types.Signature).Recv() != nil
}

// autocert is m.HTTPHandler(fallback): a router serving the ACME
// challenge path (RFC 8555, a protocol route) with the fallback, a
// router or handler, at its root.
func (x *extractor) autocert(call *ast.CallExpr) *value {
	v := &value{n: &node{kind: nodeCreated}, fw: "net/http"}
	x.add(v, "net/http", "", "", "/.well-known/acme-challenge/", true, call.Fun, 0, call)
	if len(call.Args) == 1 {
		if fb := x.eval(call.Args[0]); fb != nil && fb.n != nil && !fb.builder {
			x.edges = append(x.edges, &edge{child: fb.n, parent: v.n, dyn: fb.dyn, host: fb.host})
		}
	}
	return v
}
