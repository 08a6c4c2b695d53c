package family

import (
	"go/types"
	"sync"
)

// Memo keeps, across the packages a driver asks about before
// type-checking them, what each object reaches (see Parsed.Reach) and
// what each Fold found of it: the same imports' types are reached from
// package after package (net/http's Request from most of a module's
// requirements), and walked once. One Memo serves packages whose imports
// share their types, in any order and at once; it holds those types
// until it goes.
type Memo struct {
	mu    sync.Mutex
	folds map[*FoldKey]any // *foldMemo[S], by key
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{folds: map[*FoldKey]any{}}
}

// FoldKey names a fold (its leaf and join) in a Memo: one variable per
// fold, whose address is the key.
type FoldKey struct{ _ byte }

type foldMemo[S any] struct {
	done map[types.Object]S // the fold over an object and all it reaches
}

// Fold returns the join of leaf(obj) over every object Reach visits, and
// false when an import has no types. leaf must answer of an object alone
// (the same for every package asking) and join be associative and
// commutative, with S's zero value its identity: the fold of an object is
// kept in p.Memo under key for the packages asked next. stop, if not
// nil, ends the fold early once the join so far settles the answer.
func Fold[S any](p *Parsed, key *FoldKey, leaf func(types.Object) S, join func(S, S) S, stop func(S) bool) (S, bool) {
	var acc S
	named, ok := p.Named()
	if !ok {
		return acc, false
	}
	m := p.Memo
	if m == nil {
		m = NewMemo()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	fm, _ := m.folds[key].(*foldMemo[S])
	if fm == nil {
		fm = &foldMemo[S]{done: map[types.Object]S{}}
		m.folds[key] = fm
	}
	f := &folder[S]{fm: fm, leaf: leaf, join: join, index: map[types.Object]int{}, acc: map[types.Object]S{}}
	for _, obj := range named {
		if _, ok := fm.done[obj]; !ok {
			f.visit(obj)
		}
		acc = join(acc, fm.done[obj])
		if stop != nil && stop(acc) {
			break
		}
	}
	return acc, true
}

// folder computes folds by Tarjan's strongly connected components over
// the objects' reach: every object of a component reaches every other,
// so all have the fold of the whole, which is kept once the component
// is complete.
type folder[S any] struct {
	fm    *foldMemo[S]
	leaf  func(types.Object) S
	join  func(S, S) S
	index map[types.Object]int // the order of the visit, while not done
	low   []int                // by index
	stack []types.Object
	acc   map[types.Object]S // the fold of an object and of the components done below it
}

func (f *folder[S]) visit(v types.Object) {
	i := len(f.low)
	f.index[v] = i
	f.low = append(f.low, i)
	f.stack = append(f.stack, v)
	acc := f.leaf(v)
	for _, w := range successors(v) {
		if s, ok := f.fm.done[w]; ok {
			acc = f.join(acc, s)
			continue
		}
		j, seen := f.index[w]
		if !seen {
			f.visit(w)
			if s, ok := f.fm.done[w]; ok {
				acc = f.join(acc, s) // its component is done
				continue
			}
			j = f.index[w]
			f.low[i] = min(f.low[i], f.low[j])
			continue
		}
		f.low[i] = min(f.low[i], j) // on the stack: the same component
	}
	f.acc[v] = acc
	if f.low[i] != i {
		return
	}
	// v is its component's root: the component is the stack above it.
	k := len(f.stack) - 1
	for f.stack[k] != v {
		k--
	}
	var total S
	for _, w := range f.stack[k:] {
		total = f.join(total, f.acc[w])
	}
	for _, w := range f.stack[k:] {
		f.fm.done[w] = total
		delete(f.acc, w)
		delete(f.index, w)
	}
	f.stack = f.stack[:k]
}

// successors returns the objects reach finds directly from obj, walking
// its type up to the named types and aliases it names (each its own
// object, walked in turn): the edges of Reach's graph. A fold asks once
// per object (it keeps the answer), so they are not kept.
func successors(obj types.Object) []types.Object {
	e := &edges{seen: map[types.Object]bool{obj: true}, types: map[types.Type]bool{}}
	switch t := obj.Type().(type) {
	case *types.Named:
		if tn, ok := obj.(*types.TypeName); ok && tn == t.Origin().Obj() {
			e.named(t.Origin()) // the type's own: its structure and methods
		} else {
			e.walk(t)
		}
	case *types.Alias:
		if tn, ok := obj.(*types.TypeName); ok && tn == t.Obj() {
			e.walk(t.Rhs())
		} else {
			e.walk(t)
		}
	default:
		e.walk(t)
	}
	return e.list
}

// edges is what reacher does, stopping at objects.
type edges struct {
	list  []types.Object
	seen  map[types.Object]bool
	types map[types.Type]bool
}

func (e *edges) add(obj types.Object) {
	if !e.seen[obj] {
		e.seen[obj] = true
		e.list = append(e.list, obj)
	}
}

// named adds what a named type's object reaches: its structure and its
// exported methods.
func (e *edges) named(t *types.Named) {
	e.walk(t.Underlying())
	for i := 0; i < t.NumMethods(); i++ {
		if m := t.Method(i); m.Exported() {
			e.add(m)
		}
	}
}

func (e *edges) walk(t types.Type) {
	if t == nil || e.types[t] {
		return
	}
	e.types[t] = true
	switch t := t.(type) {
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			e.walk(t.TypeArgs().At(i))
		}
		e.add(t.Origin().Obj())
	case *types.Alias:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			e.walk(t.TypeArgs().At(i))
		}
		e.add(t.Obj())
		e.walk(t.Rhs())
	case *types.Pointer:
		e.walk(t.Elem())
	case *types.Slice:
		e.walk(t.Elem())
	case *types.Array:
		e.walk(t.Elem())
	case *types.Chan:
		e.walk(t.Elem())
	case *types.Map:
		e.walk(t.Key())
		e.walk(t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); f.Exported() || f.Embedded() {
				e.add(f)
			}
		}
	case *types.Signature:
		for _, tp := range []*types.TypeParamList{t.RecvTypeParams(), t.TypeParams()} {
			for i := 0; i < tp.Len(); i++ {
				e.walk(tp.At(i).Constraint())
			}
		}
		e.walk(t.Params())
		e.walk(t.Results())
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			e.walk(t.At(i).Type())
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if m := t.Method(i); m.Exported() {
				e.add(m)
			}
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			e.walk(t.EmbeddedType(i))
		}
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			e.walk(t.Term(i).Type())
		}
	case *types.TypeParam:
		e.walk(t.Constraint())
	}
}
