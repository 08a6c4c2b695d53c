package family

import (
	"go/types"
	"sync"
)

// Memo keeps, across the packages a driver asks about before
// type-checking them, what each Fold found of each object and all it
// reaches (see Parsed.Reach): the same imports' types are reached from
// package after package (net/http's Request from most of a module's
// requirements), and folded once. One Memo serves packages whose imports
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
// (the same for every package asking) and join be associative,
// commutative and idempotent (an object reached two ways is joined
// twice: OR, a set's union), with S's zero value its identity: the fold
// of an object is kept in p.Memo under key for the packages asked next.
// A key serves one S. stop, if not nil, ends the fold early once the
// join so far settles the answer.
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
	var fm *foldMemo[S]
	if v, ok := m.folds[key]; ok {
		fm = v.(*foldMemo[S]) // a key serves one S
	} else {
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
