package family

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"testing"
)

// foldLib is a package whose types reach one another every way Reach
// follows: recursion through generic types, embedding, interfaces
// embedding others and net/http's, aliases (a generic one too),
// constraints, a generic type of another package instantiated.
const foldLib = `package lib

import (
	"net/http"
	"sync/atomic"
)

type List[T any] struct {
	Head *Node[T]
	Len  int
}

type Node[T any] struct {
	Val  T
	Next *Node[T]
	list *List[T]
}

type Tree struct {
	Kids []*Tree
	Meta map[string]Meta
	embedded
}

type embedded struct{ Hidden *Secret }

type Secret struct{ Key [4]chan string }

type Meta interface {
	hidden()
	Value() (Tree, error)
	http.Handler
}

type Alias = Node[int]

type G[T any] = List[T]

type Ptr = atomic.Pointer[Tree]

type Constraint interface {
	~int | ~string
	M() Secret
}

func New() *List[Tree] { return nil }

func (t *Tree) Walk(f func(*Tree) bool) {}

func (t *Tree) private() {}

func Gen[T Constraint](x T) T { return x }

const Name = "lib"
`

// TestFold checks Fold against Reach (both follow successors; Reach by
// a plain walk, once per package): a fold gathering every object it is
// given finds what Reach visits, for packages naming different
// objects of the same imports, asked one after the other through one
// Memo (the second finds most of its objects folded already) and each
// through none.
func TestFold(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks net/http from source")
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	libFile, err := parser.ParseFile(fset, "lib.go", foldLib, 0)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := (&types.Config{Importer: imp}).Check("example.com/lib", fset, []*ast.File{libFile}, nil)
	if err != nil {
		t.Fatal(err)
	}
	http, err := imp.Import("net/http")
	if err != nil {
		t.Fatal(err)
	}
	users := []string{
		`package user

import (
	"example.com/lib"
	"net/http"
)

var _ = lib.New
var _ lib.Alias
var _ lib.G[string]
var _ lib.Ptr
var _ = lib.Gen[int]
var _ = lib.Name
var _ http.Request
`,
		`package user2

import h "net/http"

// What ListenAndServe reaches (its Handler) is folded already: the
// fold of a new object takes it from the memo.
var _ h.Header
var _ = h.ListenAndServe
`,
	}
	type set = map[types.Object]bool
	var key FoldKey
	leaf := func(obj types.Object) set { return set{obj: true} }
	union := func(a, b set) set {
		u := set{}
		for o := range a {
			u[o] = true
		}
		for o := range b {
			u[o] = true
		}
		return u
	}
	name := func(o types.Object) string {
		path := "universe"
		if o.Pkg() != nil {
			path = o.Pkg().Path()
		}
		return path + "." + o.Name() + " " + fset.Position(o.Pos()).String()
	}
	shared := NewMemo()
	for i, src := range users {
		f, err := parser.ParseFile(fset, "user.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed := func(memo *Memo) *Parsed {
			return &Parsed{Fset: fset, Files: []*ast.File{f}, Path: "example.com/user", Memo: memo,
				Import: func(path string) *types.Package {
					switch path {
					case "example.com/lib":
						return lib
					case "net/http":
						return http
					}
					return nil
				}}
		}
		want := set{}
		if !parsed(nil).Reach(func(obj types.Object) bool { want[obj] = true; return true }) {
			t.Fatal("Reach: an import without types")
		}
		if len(want) < 20 {
			t.Fatalf("user %d: Reach found %d objects: the test proves little", i, len(want))
		}
		for _, memo := range []*Memo{shared, nil} {
			got, ok := Fold(parsed(memo), &key, leaf, union, nil)
			if !ok {
				t.Fatal("Fold: an import without types")
			}
			var missed, extra []string
			for o := range want {
				if !got[o] {
					missed = append(missed, name(o))
				}
			}
			for o := range got {
				if !want[o] {
					extra = append(extra, name(o))
				}
			}
			sort.Strings(missed)
			sort.Strings(extra)
			if len(missed)+len(extra) > 0 {
				t.Errorf("user %d (shared memo: %v): Fold found %d objects, Reach %d; Fold misses %q, finds besides %q", i, memo != nil, len(got), len(want), missed, extra)
			}
		}
	}
	// Stopped early: the fold so far, and nothing half done kept: a
	// full fold after it, through the same memo, finds what Reach does.
	f, _ := parser.ParseFile(fset, "user.go", users[0], 0)
	memo := NewMemo()
	p := &Parsed{Fset: fset, Files: []*ast.File{f}, Memo: memo, Import: func(path string) *types.Package {
		if path == "net/http" {
			return http
		}
		return lib
	}}
	got, _ := Fold(p, &key, leaf, union, func(s set) bool { return len(s) > 0 })
	if len(got) == 0 {
		t.Error("stopped early: nothing folded")
	}
	want := set{}
	p.Reach(func(obj types.Object) bool { want[obj] = true; return true })
	p.Memo = memo
	got, _ = Fold(p, &key, leaf, union, nil)
	if len(got) != len(want) {
		t.Errorf("a full fold after one stopped early: %d objects, Reach %d", len(got), len(want))
	}
}
