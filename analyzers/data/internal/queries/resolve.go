package queries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// text is a string expression resolved as far as statically possible.
type text struct {
	s        string // the text, with sqlscan.Hole for unresolved parts
	constant bool   // no part is unresolved
	// param is the index of the first of the enclosing function's
	// parameters the text derives from, or -1. Each such parameter stands
	// in s as its marker (see marker), so that the text is a template the
	// function's callers fill in.
	param int
	name  string // the named constant the text comes from, if any ("pkg.getAuthor")
	// alts is set when the text is one of several constant statements,
	// the elements of a slice it was taken from (steps[i]); s then holds
	// them all, separated by ";\n", and constant is false, as the text
	// is not one constant.
	alts []string
}

func hole() text { return text{s: sqlscan.Hole, param: -1} }

// assignment is one way a variable gets a value.
type assignment struct {
	rhs ast.Expr // nil when the value cannot be tracked (tuple assignment, &v, range)
	add bool     // v += rhs
	// over is the ranged-over expression when the variable is the key or
	// the value of a range statement (for k, v := range over); key tells
	// which.
	over ast.Expr
	key  bool
	// block is the statement list the assignment is in (a block, a case
	// clause): assignments in one list follow each other, in different
	// lists they may be alternatives.
	block ast.Node
	pos   token.Pos
}

// enclosingBlock returns the block or case clause around cur.
func enclosingBlock(cur inspector.Cursor) ast.Node {
	for enc := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		return enc.Node()
	}
	return nil
}

// resolver resolves string expressions of one package.
type resolver struct {
	info    *types.Info
	assigns map[*types.Var][]assignment
	// shared holds the variables of string slice or array type used
	// otherwise than by reading their elements (steps[i], len(steps),
	// range steps): written to, aliased or passed on, so that their
	// elements may change; written those whose elements this package
	// assigns (steps[0] = q, &steps[0]).
	shared, written map[*types.Var]bool
	// active holds the variables being resolved, so that a variable
	// that refers to itself (q += q) is a hole instead of a recursion.
	active map[*types.Var]bool
	// decls holds the package's functions that return one string, and
	// returns the texts they return (see returned).
	decls   map[*types.Func]*ast.FuncDecl
	returns map[*types.Func]text
	// budget is what is left of the steps one resolve may take: texts
	// made of copies of texts (Sprintf of Sprintf of …) are exponential.
	budget int
	// steps counts the steps taken, for the test that bounds them.
	steps int
}

// Limits of one resolve: the steps it takes and the length of the text
// it builds. Past them the rest of the text is a hole.
const (
	maxResolveSteps = 10_000
	maxTextLen      = 4 << 20
)

// newResolver records every assignment to the package's variables.
func newResolver(pass *analysis.Pass, in *inspector.Inspector) *resolver {
	r := &resolver{info: pass.TypesInfo, assigns: map[*types.Var][]assignment{}, shared: map[*types.Var]bool{}, written: map[*types.Var]bool{}, active: map[*types.Var]bool{},
		decls: map[*types.Func]*ast.FuncDecl{}, returns: map[*types.Func]text{}}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && returnsString(pass.TypesInfo, fd) {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					r.decls[fn] = fd
				}
			}
		}
	}
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := r.info.ObjectOf(id).(*types.Var)
		return v
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)}
	for cur := range in.Root().Preorder(filter...) {
		block := enclosingBlock(cur)
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := varOf(lhs)
				if v == nil {
					continue
				}
				a := assignment{add: n.Tok == token.ADD_ASSIGN, block: block, pos: n.Pos()}
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
				a := assignment{block: block, pos: n.Pos()}
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
					a := assignment{}
					if n.Tok == token.DEFINE {
						a.over, a.key = n.X, e == n.Key
					}
					r.assigns[v] = append(r.assigns[v], a)
				}
			}
		}
	}
	for cur := range in.Root().Preorder((*ast.Ident)(nil)) {
		v, ok := r.info.Uses[cur.Node().(*ast.Ident)].(*types.Var)
		if !ok || !stringElems(v.Type()) {
			continue
		}
		if read, write := r.elementUse(cur); !read {
			r.shared[v] = true
			r.written[v] = r.written[v] || write
		}
	}
	return r
}

// returnsString reports whether a function declaration has one result, a
// string.
func returnsString(info *types.Info, fd *ast.FuncDecl) bool {
	rs := fd.Type.Results
	if rs == nil || len(rs.List) != 1 || len(rs.List[0].Names) > 1 {
		return false
	}
	return isString(info.TypeOf(rs.List[0].Type))
}

// stringElems reports whether t is a slice or array of strings, or a map
// from strings to strings.
func stringElems(t types.Type) bool {
	if t == nil {
		return false // not type-checked (a package with errors)
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return isString(u.Elem())
	case *types.Array:
		return isString(u.Elem())
	case *types.Map:
		return isString(u.Key()) && isString(u.Elem())
	}
	return false
}

// pair is a key and a value of a range over constant strings.
type pair struct{ key, value string }

// pairs returns the keys and values of a map from strings to strings (in
// key order) or a slice of strings (by index) that holds constants only
// and that nothing changes.
func (r *resolver) pairs(e ast.Expr, depth int) ([]pair, bool) {
	if depth > 20 {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if rhs := r.onlyValue(e); rhs != nil {
			return r.pairs(rhs, depth+1)
		}
		return nil, false
	case *ast.CompositeLit:
		if t := r.info.TypeOf(e); t == nil {
			break
		} else if _, ok := t.Underlying().(*types.Map); !ok {
			break
		}
		var out []pair
		for _, el := range e.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			k, v := r.info.Types[kv.Key], r.info.Types[kv.Value]
			if k.Value == nil || v.Value == nil || k.Value.Kind() != constant.String || v.Value.Kind() != constant.String {
				return nil, false
			}
			out = append(out, pair{constant.StringVal(k.Value), constant.StringVal(v.Value)})
		}
		slices.SortFunc(out, func(a, b pair) int { return strings.Compare(a.key, b.key) })
		return out, true
	}
	elems, ok := r.elements(e, nil, depth+1)
	if !ok {
		return nil, false
	}
	var out []pair
	for _, i := range slices.Sorted(maps.Keys(elems)) {
		out = append(out, pair{strconv.FormatInt(i, 10), elems[i]})
	}
	return out, true
}

// onlyValue returns the one value a variable of string elements is
// assigned, when nothing else changes it (see shared), or nil.
func (r *resolver) onlyValue(id *ast.Ident) ast.Expr {
	v, ok := r.info.Uses[id].(*types.Var)
	if !ok || r.shared[v] {
		return nil
	}
	if as := r.assigns[v]; len(as) == 1 && as[0].rhs != nil && !as[0].add {
		return as[0].rhs
	}
	return nil
}

// ranged returns the range statement's ranged-over expression when e is
// its key or value variable, and which of the two it is.
func (r *resolver) ranged(e ast.Expr) (over ast.Expr, key bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := r.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	if as := r.assigns[v]; len(as) == 1 && as[0].over != nil {
		return as[0].over, as[0].key
	}
	return nil, false
}

// elementUse tells how the use of a variable at cur treats its elements:
// read only reads them (steps[i] not assigned to, incremented or
// addressed, len(steps), cap(steps), range steps); write assigns or
// addresses one (steps[0] = q, &steps[0]). Any other use may change them.
func (r *resolver) elementUse(cur inspector.Cursor) (read, write bool) {
	switch k, _ := cur.ParentEdge(); k {
	case edge.RangeStmt_X:
		return true, false
	case edge.CallExpr_Args:
		call := cur.Parent().Node().(*ast.CallExpr)
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := r.info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "len" || b.Name() == "cap", false
			}
		}
	case edge.IndexExpr_X:
		ix := cur.Parent()
		switch k, _ := ix.ParentEdge(); k {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
			return false, true
		case edge.UnaryExpr_X:
			addr := ix.Parent().Node().(*ast.UnaryExpr).Op == token.AND
			return !addr, addr
		}
		return true, false
	}
	return false, false
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
	r.budget = maxResolveSteps
	return r.resolveDepth(e, params, 0)
}

func (r *resolver) resolveDepth(e ast.Expr, params map[*types.Var]int, depth int) text {
	r.budget--
	r.steps++
	if depth > 20 || e == nil || r.budget < 0 {
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
		x := flat(r.resolveDepth(e.X, params, depth+1))
		y := flat(r.resolveDepth(e.Y, params, depth+1))
		p := x.param
		if p < 0 {
			p = y.param
		}
		if len(x.s)+len(y.s) > maxTextLen {
			return text{s: sqlscan.Hole, param: p}
		}
		return text{s: x.s + y.s, constant: x.constant && y.constant, param: p}
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok {
			return hole()
		}
		if i, ok := params[v]; ok {
			return paramText(i)
		}
		return r.variable(v, e.Pos(), params, depth)
	case *ast.CallExpr:
		return r.call(e, params, depth)
	case *ast.IndexExpr:
		return r.index(e, params, depth)
	}
	return hole()
}

// index resolves steps[i], an element of a slice or array of constant
// strings that nothing changes: the element when i is a constant, else
// the set of them all, each a statement.
func (r *resolver) index(e *ast.IndexExpr, params map[*types.Var]int, depth int) text {
	elems, ok := r.elements(e.X, params, depth)
	if !ok {
		return hole()
	}
	if tv, ok := r.info.Types[e.Index]; ok && tv.Value != nil {
		i, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if s, found := elems[i]; exact && found {
			return text{s: s, constant: true, param: -1}
		}
		return hole()
	}
	return alternatives(elems)
}

// alternatives is the set of the elements, in index order.
func alternatives(elems map[int64]string) text {
	idx := make([]int64, 0, len(elems))
	for i := range elems {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	t := text{param: -1, alts: make([]string, 0, len(idx))}
	for _, i := range idx {
		t.alts = append(t.alts, elems[i])
	}
	if len(t.alts) == 0 {
		return hole()
	}
	t.s = strings.Join(t.alts, ";\n")
	return t
}

// elements returns the elements, by index, of a slice or array of
// strings: a composite literal of constants, or a variable of this
// package assigned once such a literal and only read since (see shared).
func (r *resolver) elements(e ast.Expr, params map[*types.Var]int, depth int) (map[int64]string, bool) {
	if depth <= 1 && r.budget <= 0 {
		r.budget = maxResolveSteps // called on its own, not within a resolve
	}
	if depth > 20 || !stringElems(r.info.TypeOf(e)) {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if rhs := r.onlyValue(e); rhs != nil {
			return r.elements(rhs, params, depth+1)
		}
	case *ast.CompositeLit:
		out := map[int64]string{}
		next := int64(0)
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				tv, ok := r.info.Types[kv.Key]
				if !ok || tv.Value == nil {
					return nil, false
				}
				i, exact := constant.Int64Val(constant.ToInt(tv.Value))
				if !exact {
					return nil, false
				}
				next, el = i, kv.Value
			}
			t := r.resolveDepth(el, params, depth+1)
			if !t.constant || t.alts != nil {
				return nil, false
			}
			out[next] = t.s
			next++
		}
		return out, true
	}
	return nil, false
}

// variable resolves a variable assigned once, possibly extended with +=,
// and the value of a range over a slice of constant statements (the set
// of them, as for steps[i]).
func (r *resolver) variable(v *types.Var, use token.Pos, params map[*types.Var]int, depth int) text {
	as := r.assigns[v]
	if len(as) == 1 && as[0].over != nil {
		over := r.info.TypeOf(as[0].over)
		if over == nil {
			return hole() // not type-checked (a package with errors)
		}
		if _, isMap := over.Underlying().(*types.Map); isMap || as[0].key {
			ps, ok := r.pairs(as[0].over, depth+1)
			if !ok || !isMap {
				return hole() // a slice's index is no text
			}
			elems := map[int64]string{}
			for i, p := range ps {
				elems[int64(i)] = p.value
				if as[0].key {
					elems[int64(i)] = p.key
				}
			}
			return alternatives(elems)
		}
		if elems, ok := r.elements(as[0].over, params, depth+1); ok {
			return alternatives(elems)
		}
		return hole()
	}
	if len(as) == 0 || as[0].rhs == nil || as[0].add || r.active[v] {
		return hole()
	}
	r.active[v] = true
	defer delete(r.active, v)
	if a, ok := reaching(as, use); ok {
		t := r.resolveDepth(a.rhs, params, depth+1)
		t.name = ""
		return t
	}
	if t, ok := r.branches(as, params, depth); ok {
		return t
	}
	t := r.resolveDepth(as[0].rhs, params, depth+1)
	t.name = ""
	for _, a := range as[1:] {
		if !a.add || a.rhs == nil {
			return hole()
		}
		// Appended in some branch: keep every branch's text, so tables and
		// clauses are all seen, but the result is no longer one constant.
		t = flat(t)
		more := flat(r.resolveDepth(a.rhs, params, depth+1))
		if len(t.s)+len(more.s) > maxTextLen {
			return text{s: sqlscan.Hole, param: t.param}
		}
		t.s += more.s
		t.constant = false
	}
	return t
}

// reaching returns the assignment whose value a use of a variable reads,
// when the variable is reused for one query after another in one
// statement list (q := "SELECT …"; …; q = "DELETE …"; db.Exec(q)): the
// last assignment before the use, in a block around the use. Not when
// any assignment appends.
func reaching(as []assignment, use token.Pos) (assignment, bool) {
	if len(as) < 2 || !use.IsValid() {
		return assignment{}, false
	}
	var last assignment
	for _, a := range as {
		if a.add || a.rhs == nil {
			return assignment{}, false
		}
		if a.pos < use && a.pos > last.pos {
			last = a
		}
	}
	if last.rhs == nil || last.block == nil || use < last.block.Pos() || use >= last.block.End() {
		return assignment{}, false
	}
	return last, true
}

// branches resolves a variable given a constant text in each of several
// branches (var q string; switch … { case …: q = "…" }): the set of them,
// each a statement. Not when any assignment appends or is not constant,
// nor when two are in one statement list: a variable reused for one query
// after another is each of them at its own call, not both.
func (r *resolver) branches(as []assignment, params map[*types.Var]int, depth int) (text, bool) {
	if len(as) < 2 {
		return text{}, false
	}
	blocks := map[ast.Node]bool{}
	for _, a := range as {
		if blocks[a.block] {
			return text{}, false
		}
		blocks[a.block] = true
	}
	ts := make([]text, 0, len(as))
	for _, a := range as {
		if a.add || a.rhs == nil {
			return text{}, false
		}
		ts = append(ts, r.resolveDepth(a.rhs, params, depth+1))
	}
	return oneOf(ts)
}

// oneOf is a text that is one of several constant texts: the text when
// they agree, else the set of them, each a statement. Not when any is not
// constant.
func oneOf(ts []text) (text, bool) {
	var seen []string
	for _, t := range ts {
		if !t.constant || t.alts != nil {
			return text{}, false
		}
		if !slices.Contains(seen, t.s) {
			seen = append(seen, t.s)
		}
	}
	switch len(seen) {
	case 0:
		return text{}, false
	case 1:
		return text{s: seen[0], constant: true, param: -1}, true
	}
	elems := make(map[int64]string, len(seen))
	for i, s := range seen {
		elems[int64(i)] = s
	}
	return alternatives(elems), true
}

// returned is the text a function of the package returns, as a template
// of its string parameters: func CreateTable(name string) string {
// return fmt.Sprintf(q, name) }. Several returns of one text are one; of
// constant texts, the set of them; else a hole.
func (r *resolver) returned(fn *types.Func, depth int) text {
	if t, ok := r.returns[fn]; ok {
		return t
	}
	r.returns[fn] = hole() // a recursion finds a hole
	decl := r.decls[fn]
	params := stringParams(r.info, decl)
	var outs []text
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				outs = append(outs, r.resolveDepth(n.Results[0], params, depth+1))
			}
		}
		return true
	})
	t := hole()
	if len(outs) == 1 {
		t = outs[0]
	} else if one, ok := oneOf(outs); ok {
		t = one
	}
	t.name = ""
	r.returns[fn] = t
	return t
}

// call resolves fmt.Sprintf with a constant format and the string
// helpers that keep a query's meaning (Rebind, TrimSpace).
func (r *resolver) call(call *ast.CallExpr, params map[*types.Var]int, depth int) text {
	fn, _ := typeutil.Callee(r.info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return hole()
	}
	if decl := r.decls[fn.Origin()]; decl != nil {
		t := r.returned(fn.Origin(), depth)
		if t.alts != nil || t.param < 0 {
			return t
		}
		return fill(t.s, func(i int) text {
			if i >= len(call.Args) {
				return hole()
			}
			return r.resolveDepth(call.Args[i], params, depth+1)
		})
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "fmt" && name == "Sprintf" && len(call.Args) > 0:
		f := r.resolveDepth(call.Args[0], params, depth+1)
		if f.param >= 0 {
			return f // the format is the caller's: the whole text is
		}
		if !f.constant {
			return hole()
		}
		args := make([]text, len(call.Args)-1)
		for i, a := range call.Args[1:] {
			args[i] = r.resolveDepth(a, params, depth+1)
		}
		if t := sprintf(f.s, args); len(t.s) <= maxTextLen {
			return t
		}
		return hole()
	case path == "strings" && (name == "TrimSpace" || name == "ToLower" || name == "ToUpper") && len(call.Args) == 1,
		name == "Rebind" && len(call.Args) > 0:
		t := r.resolveDepth(call.Args[len(call.Args)-1], params, depth+1)
		t.name = ""
		return t
	}
	return hole()
}

// sprintf formats like fmt.Sprintf, putting resolved constant arguments
// and the enclosing function's parameters in place and a Hole where an
// argument is unknown.
func sprintf(format string, args []text) text {
	var b strings.Builder
	out := text{constant: true, param: -1}
	for _, a := range args {
		if a.param >= 0 && out.param < 0 {
			out.param = a.param
		}
	}
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
		if argi < len(args) && format[j] != 'q' && (args[argi].constant || args[argi].param >= 0) {
			b.WriteString(flat(args[argi]).s)
			out.constant = out.constant && args[argi].constant
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
