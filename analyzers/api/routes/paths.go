package routes

import (
	"go/ast"
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
	var b strings.Builder
	for {
		i := strings.Index(p, "{?")
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			b.WriteString(p)
			return b.String()
		}
		b.WriteString(p[:i])
		if j == 2 {
			b.WriteString(unknownSegment)
		} else {
			b.WriteString("{" + p[i+2:i+j] + "}")
		}
		p = p[i+j+1:]
	}
}

// pathString returns the value of a path expression: a constant, or a
// concatenation whose non-constant parts are written as dynamic segments
// ({?cfg.RootPath}). ok is false when any part is not a constant.
func pathString(info *types.Info, e ast.Expr) (s string, ok bool) {
	if s, ok := constString(info, e); ok {
		return s, true
	}
	if b, isBin := ast.Unparen(e).(*ast.BinaryExpr); isBin && b.Op == token.ADD {
		l, okl := pathString(info, b.X)
		r, okr := pathString(info, b.Y)
		return l + r, okl && okr
	}
	if call, isCall := ast.Unparen(e).(*ast.CallExpr); isCall && len(call.Args) > 0 {
		// path.Join(prefix, "/login"), as routes are often written.
		if fn, isFn := typeutil.Callee(info, call).(*types.Func); isFn && fn.Pkg() != nil && fn.Name() == "Join" &&
			fn.Pkg().Path() == "path" && fn.Type().(*types.Signature).Recv() == nil && !call.Ellipsis.IsValid() {
			parts := make([]string, 0, len(call.Args))
			all := true
			for _, a := range call.Args {
				s, ok := pathString(info, a)
				parts = append(parts, s)
				all = all && ok
			}
			return joinParts(parts), all
		}
	}
	return dynSegment(e), false
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
