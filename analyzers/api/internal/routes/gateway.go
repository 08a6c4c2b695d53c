package routes

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"
)

// grpc-gateway serves gRPC services over HTTP from generated *.pb.gw.go
// files: RegisterXHandlerClient(ctx, mux, client) calls
// mux.Handle("GET", pattern_X_Method_0, func…) for each HTTP binding,
// where pattern_X_Method_0 is a package variable
//
//	runtime.MustPattern(runtime.NewPattern(1, []int{2, 0, 2, 1, 1, 0, 4, 1, 5, 2}, []string{"v1", "hello", "name"}, ""))
//
// whose operations spell the path (/v1/hello/{name}). The gateway's
// runtime.ServeMux is a router like the others: the routes appear where
// the program makes it (runtime.NewServeMux) and mounts it, through the
// generated RegisterXHandler… functions.

// isGatewayRuntime reports whether a package is grpc-gateway's runtime.
func isGatewayRuntime(pkgPath string) bool {
	return pkgPath == "github.com/grpc-ecosystem/grpc-gateway/runtime" ||
		pkgPath == "github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
}

// The operations of a grpc-gateway path pattern (utilities.OpCode).
const (
	gwOpNop     = 0
	gwOpPush    = 1 // push a wildcard segment
	gwOpLitPush = 2 // push the literal pool[operand]
	gwOpPushM   = 3 // push a multi-segment wildcard
	gwOpConcatN = 4 // join the top operand items into one
	gwOpCapture = 5 // capture the top item as the variable pool[operand]
)

// gatewayPath returns the path a pattern argument of runtime.ServeMux's
// Handle stands for: a package variable given MustPattern(NewPattern(…)),
// or NewPattern(…) itself.
func (x *extractor) gatewayPath(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, isVar := x.pass.TypesInfo.Uses[id].(*types.Var)
		if !isVar || v.Parent() != x.pass.Pkg.Scope() {
			return "", false
		}
		e = x.paths.inits[v]
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	if x.gatewayFunc(call) == "MustPattern" && len(call.Args) == 1 {
		call, ok = ast.Unparen(call.Args[0]).(*ast.CallExpr)
		if !ok {
			return "", false
		}
	}
	if x.gatewayFunc(call) != "NewPattern" || len(call.Args) != 4 {
		return "", false
	}
	ops, ok1 := x.constInts(call.Args[1])
	pool, ok2 := x.constStrings(call.Args[2])
	verb, ok3 := constString(x.pass.TypesInfo, call.Args[3])
	if !ok1 || !ok2 || !ok3 {
		return "", false
	}
	return decodeGatewayPattern(ops, pool, verb)
}

// decodeGatewayPattern spells the path of a grpc-gateway pattern:
// literals as they are, a captured wildcard {name}, a captured pattern
// {name=a/*}, an uncaptured wildcard * and **, a verb :verb.
func decodeGatewayPattern(ops []int, pool []string, verb string) (string, bool) {
	if len(ops)%2 != 0 {
		return "", false
	}
	var stack []string
	for i := 0; i < len(ops); i += 2 {
		op, arg := ops[i], ops[i+1]
		switch op {
		case gwOpNop:
		case gwOpPush:
			stack = append(stack, "*")
		case gwOpPushM:
			stack = append(stack, "**")
		case gwOpLitPush:
			if arg < 0 || arg >= len(pool) {
				return "", false
			}
			stack = append(stack, pool[arg])
		case gwOpConcatN:
			if arg <= 0 || arg > len(stack) {
				return "", false
			}
			joined := strings.Join(stack[len(stack)-arg:], "/")
			stack = append(stack[:len(stack)-arg], joined)
		case gwOpCapture:
			if arg < 0 || arg >= len(pool) || len(stack) == 0 {
				return "", false
			}
			top := stack[len(stack)-1]
			name := pool[arg]
			if top == "*" {
				stack[len(stack)-1] = "{" + name + "}"
			} else {
				stack[len(stack)-1] = "{" + name + "=" + top + "}"
			}
		default:
			return "", false
		}
	}
	p := "/" + strings.Join(stack, "/")
	if verb != "" {
		p += ":" + verb
	}
	return p, true
}

// gatewayFunc names the grpc-gateway runtime function a call calls, or "".
func (x *extractor) gatewayFunc(call *ast.CallExpr) string {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return ""
	}
	fn, ok := x.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || !isGatewayRuntime(fn.Pkg().Path()) {
		return ""
	}
	return fn.Name()
}

// constInts reads a []int literal of constants.
func (x *extractor) constInts(e ast.Expr) ([]int, bool) {
	return constList(e, func(el ast.Expr) (int, bool) {
		tv := x.pass.TypesInfo.Types[el]
		if tv.Value == nil || tv.Value.Kind() != constant.Int {
			return 0, false
		}
		n, err := strconv.Atoi(tv.Value.ExactString())
		return n, err == nil
	})
}

// constStrings reads a []string literal of constants.
func (x *extractor) constStrings(e ast.Expr) ([]string, bool) {
	return constList(e, func(el ast.Expr) (string, bool) { return constString(x.pass.TypesInfo, el) })
}

// constList reads a slice literal whose every element value reads.
func constList[T any](e ast.Expr, value func(ast.Expr) (T, bool)) ([]T, bool) {
	cl, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	out := make([]T, 0, len(cl.Elts))
	for _, el := range cl.Elts {
		v, ok := value(el)
		if !ok {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}
