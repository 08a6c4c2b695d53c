package api

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// Where a TablesFact can come from, before type-checking. localTables
// maps a type to a table when the package declares it with an ORM's
// model embedded, a struct tag of a database library or a TableName
// method (its own or promoted); when it scans rows into a value's fields
// (a call of a Scan with &v.Field); or when it hands a value to an ORM's
// loading call. A package whose names reach no ORM and no TableName
// method (family.Parsed.Reach), with no such tag in its files or on a
// struct type it names, and no such Scan call, has none.

// modelTagKeys are the struct tag keys modelReason reads.
var modelTagKeys = []string{"db", "gorm", "bun", "pg", "xorm"}

// FactPossibleParsed implements family.ParsedFact.
func (*TablesFact) FactPossibleParsed(p *family.Parsed) bool {
	if p.AnyNode(declaresTables) {
		return true
	}
	return p.ReachesAny(&modelReachKey, func(obj types.Object) bool {
		if obj.Pkg() != nil && isORM(obj.Pkg().Path()) {
			return true
		}
		switch obj := obj.(type) {
		case *types.Func:
			return obj.Name() == "TableName"
		case *types.TypeName:
			if st, isStruct := obj.Type().Underlying().(*types.Struct); isStruct {
				for i := 0; i < st.NumFields(); i++ {
					if modelTag(reflect.StructTag(st.Tag(i))) {
						return true
					}
				}
			}
		}
		return false
	})
}

// modelTag reports whether a struct tag has a key modelReason reads.
func modelTag(tag reflect.StructTag) bool {
	for _, k := range modelTagKeys {
		if v, ok := tag.Lookup(k); ok && v != "-" {
			return true
		}
	}
	return false
}

// declaresTables reports whether n declares a TableName method or a
// field with a model's tag, or scans into a value's field.
func declaresTables(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Recv != nil && n.Name.Name == "TableName"
	case *ast.Field:
		tag, ok := family.FieldTag(n)
		return n.Tag != nil && (!ok || modelTag(reflect.StructTag(tag)))
	case *ast.CallExpr:
		return scansField(n)
	}
	return false
}

// scansField reports whether call may be a Scan into a value's field
// (rows.Scan(&o.ID, …)).
func scansField(call *ast.CallExpr) bool {
	fun := family.CallFun(call)
	name := ""
	switch fun := fun.(type) {
	case *ast.Ident:
		name = fun.Name
	case *ast.SelectorExpr:
		name = fun.Sel.Name
	}
	if name != "Scan" {
		return false
	}
	for _, a := range call.Args {
		if u, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && u.Op == token.AND {
			if _, ok := ast.Unparen(u.X).(*ast.SelectorExpr); ok {
				return true
			}
		}
	}
	return false
}

// modelReachKey names the fold of the models a package reaches in a family.Memo.
var modelReachKey family.FoldKey
