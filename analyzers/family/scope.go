package family

import (
	"go/ast"
	"go/build"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ScopedFact is implemented by fact types that only some packages can
// carry. A driver that computes the facts of dependencies from source
// (the audit) runs an analyzer on a dependency only when the package is
// in the scope of one of the analyzer's fact types, and skips parsing
// and type-checking a dependency no analyzer needs: most of the standard
// library and of a module's requirements import no router, no database
// library. A fact type that does not implement ScopedFact may be carried
// by any package. Drivers that run every analyzer on every package (go
// vet, nogo, golangci-lint) need not know.
type ScopedFact interface {
	analysis.Fact
	FactScope() FactScope
}

// CheckedFact is implemented by scoped fact types whose scope a
// package's types narrow further: FactPossible reports whether the
// analyzer could find a fact of this type in the package of pass, which
// is type-checked, with the facts of its imports, before any analyzer ran
// on it (pass.ResultOf is empty). It may answer true where no fact comes,
// never false where one does. A driver computing dependencies' facts from
// source (the audit) skips, on a dependency where none of an analyzer's
// fact types is possible, that analyzer and what only it requires: a
// cloud SDK's client imports net/http, so it is in the routes' scope, but
// uses only its client side, so it registers no route and answers no
// request.
type CheckedFact interface {
	ScopedFact
	FactPossible(pass *analysis.Pass) bool
}

// MayFind reports whether a may find a fact in a package where ask says,
// of each of its fact types, whether the type answers (implements the
// check asked: CheckedFact, ParsedFact) and whether a fact of it may be
// found: only when every type answers no does a driver skip a. A type
// that does not answer may be found anywhere.
func MayFind(a *analysis.Analyzer, ask func(analysis.Fact) (answers, may bool)) bool {
	for _, f := range a.FactTypes {
		if answers, may := ask(f); !answers || may {
			return true
		}
	}
	return false
}

// DeclaredFact is implemented by fact types that an analyzer exports
// only on package-level objects it chooses by the package's syntax alone
// (which files, which declarations), never by types or other facts:
// FactsDeclared returns the names, declared at package level in files,
// of the objects that carry one, with their facts, in the order the
// analyzer exports them. A driver computing a dependency's facts where
// no other analyzer is left to run gives it those facts without
// type-checking it; the analyzer must export exactly these.
//
// FactsDeclared reads of each file its name (through fset and
// FileStart), the comments before its package clause (ast.IsGenerated:
// Comments and Package) and its package-level type, variable and
// constant declarations' names (Decls: a GenDecl's Tok and Specs, a
// TypeSpec's Name, a ValueSpec's Names), nothing else. A driver may give
// it files holding only those — oneway's engine does, built from the
// files' tokens, when every analyzer planned for a dependency gives
// declared facts and none is a ParsedFact — where every comment is its
// own group, Doc, Imports and GoVersion are empty, no function is
// declared, and a TypeSpec has no Type (End and ast.Inspect fail on it)
// and no Assign (an alias reads as a defined type).
type DeclaredFact interface {
	ScopedFact
	FactsDeclared(fset *token.FileSet, files []*ast.File) []Declared
}

// Declared is a package-level object's fact, by its declaring
// identifier.
type Declared struct {
	Name *ast.Ident
	Fact analysis.Fact
}

// PlacedFact is implemented by fact types that name places in their
// package's files (where a route is registered), as the package's path
// and a file's base name, never a directory. A driver that gives a
// package its facts from a cache instead of analysing its source adds
// those files to the file set, as parsing them would have, so that
// analyzers of the importing packages find the places: FactFiles lists
// the base names of pkg's files the fact names.
type PlacedFact interface {
	analysis.Fact
	FactFiles(pkg string) []string
}

// FactScope says which packages can carry a fact. A package is in the
// scope when any of its parts says so.
type FactScope struct {
	// Imports: the package is one of these import paths or below one
	// (database/sql, github.com/jackc/pgx covering pgx/v5/pgxpool), or
	// imports one, directly or not.
	Imports []string
	// Texts: one of the package's Go files holds one of these strings
	// (a method named TableName declares a model's table without
	// importing any library), or one of its imports' files does,
	// directly or not.
	Texts []string
	// OwnTexts: one of the package's own Go files holds one of these
	// strings ("Code generated", for facts about what generated files
	// declare).
	OwnTexts []string
	// MainModules: the package belongs to a main module, the code base
	// itself; the rules never ask about the facts of its requirements.
	MainModules bool
	// NoStandardLibrary: the standard library's packages carry none of
	// the facts, whatever they import; the analyzer returns at once on
	// them (StandardLibrary), so a driver need not load them from source.
	// They still pass the scope on to the packages that import them.
	NoStandardLibrary bool
}

// Covers reports whether the import path p is one of Imports or below
// one.
func (s FactScope) Covers(p string) bool {
	for _, imp := range s.Imports {
		if p == imp || strings.HasPrefix(p, imp+"/") {
			return true
		}
	}
	return false
}

// StandardLibrary reports whether the pass's package belongs to the
// standard library: the driver names no module for it and its files are
// below GOROOT/src. A fact scoped to the main modules (FactScope
// MainModules) means nothing on such a package; an analyzer may skip it
// under drivers that run it on every package (go vet, checker, nogo),
// which would otherwise carry its facts to every importer. Where the
// standard library's files are elsewhere (a build system's own SDK
// copy), the package is not recognised and is analysed as any other.
func StandardLibrary(pass *analysis.Pass) bool {
	if pass.Module != nil && pass.Module.Path != "" || len(pass.Files) == 0 {
		return false
	}
	f := pass.Fset.File(pass.Files[0].FileStart)
	if f == nil || build.Default.GOROOT == "" {
		return false
	}
	src := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return strings.HasPrefix(f.Name(), src)
}
