package queries

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// Where a fact can come from, before type-checking. run exports a
// WrapperFact for a function passing one of its strings on to a sink (a
// database library's method, a method of an interface named as one, a
// function with a WrapperFact), a QueryFact for a generated function
// querying through a sink or for ent's builders (a package importing
// ent), a TableNameFact for a model whose TableName method returns a
// constant or whose bun tag names its table. A package none of whose
// names reaches a sink (family.Parsed.Reach), that declares no
// interface method named as one, no TableName method, no bun tag and
// imports no ent package has none: the packages that reach
// database/sql/driver only through a UUID's Value method, for one.

// FactPossibleParsed implements family.ParsedFact (see possibleParsed).
func (*WrapperFact) FactPossibleParsed(p *family.Parsed) bool { return possibleParsed(p) }

// FactPossibleParsed implements family.ParsedFact (see possibleParsed).
func (*TableNameFact) FactPossibleParsed(p *family.Parsed) bool { return possibleParsed(p) }

// FactPossibleParsed implements family.ParsedFact (see possibleParsed).
func (*QueryFact) FactPossibleParsed(p *family.Parsed) bool { return possibleParsed(p) }

// possibleParsed reports whether run could export a fact on the parsed
// package p.
func possibleParsed(p *family.Parsed) bool {
	if libraryCode(p.Path) {
		return false // run passes the libraries over
	}
	for _, f := range p.Files {
		for _, spec := range f.Imports {
			if path, err := strconv.Unquote(spec.Path.Value); err != nil || path == entPath || strings.HasPrefix(path, entPath+"/") {
				return true
			}
		}
	}
	if p.AnyNode(declaresSinkOrModel) {
		return true
	}
	return p.ReachesAny(&sinkReachKey, func(obj types.Object) bool {
		fn, isFunc := obj.(*types.Func)
		if !isFunc {
			return false
		}
		_, sink := librarySink(fn)
		return sink || p.ImportObjectFact(fn.Origin(), new(WrapperFact))
	})
}

// declaresSinkOrModel reports whether n declares an interface method
// named as a sink (see librarySink), a TableName method, or a bun tag.
func declaresSinkOrModel(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Recv != nil && n.Name.Name == "TableName"
	case *ast.InterfaceType:
		for _, m := range n.Methods.List {
			if slices.ContainsFunc(m.Names, func(id *ast.Ident) bool { return slices.Contains(interfaceMethods(), id.Name) }) {
				return true
			}
		}
	case *ast.Field:
		tag, ok := family.FieldTag(n)
		return n.Tag != nil && (!ok || strings.Contains(tag, `bun:"`))
	}
	return false
}

// sinkReachKey names the fold of the sinks a package reaches in a family.Memo.
var sinkReachKey family.FoldKey
