package engine

import (
	"go/ast"
	"go/scanner"
	"go/token"

	"golang.org/x/tools/go/packages"
)

// A dependency whose analyzers all give declared facts
// (family.DeclaredFact: the generated-code facts of a package with a
// generated file, outside every other analyzer's scope) needs of its
// files only what those facts read: each file's name, the comments
// before its package clause, and the names its package-level type,
// variable and constant declarations declare. Those are read off the
// file's tokens (skeleton) rather than parsed: the scanner is about a
// third of the parser's time, and builds no tree of the functions'
// bodies. On gitness and nomad, not parsing those dependencies at all
// made the first audit 0.97× as long (builds that skip them; see
// docs/performance.md).

// skeletons returns p's files as skeletons, in the file set, or false
// when one cannot be read, does not scan as Go, or has a top level
// skeleton does not read as declarations: the caller parses them then
// (a parse reports what is wrong), and none is left in the file set.
//
// A file the parser would reject may still have a skeleton (var X = = 1
// scans, its brackets match): its declared facts are then given, where
// the parse would have made the package ill-typed and given none. A
// dependency's files are those the go command compiled its export data
// from, so this is only a file whose syntax is newer than oneway's
// parser, and there the facts are the better answer.
func (e *Engine) skeletons(p *packages.Package) ([]*ast.File, bool) {
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		// Blanked, a literal of megabytes is skipped rather than copied
		// by the scanner; offsets are kept.
		data, release, _, err := readDependency(name, true)
		var f *ast.File
		ok := false
		if err == nil {
			f, ok = skeleton(e.fset, name, data)
		}
		release()
		if f != nil {
			files = append(files, f)
		}
		if !ok {
			e.removeFiles(files, nil)
			return nil, false
		}
	}
	return files, true
}

// skeleton returns what family.DeclaredFact reads of a Go file, from its
// tokens: the package clause; the comments before it, each its own
// group (ast.IsGenerated reads them); and, in order, a GenDecl for each
// package-level type, variable and constant declaration, its specs
// holding their names only (a TypeSpec's Name, a ValueSpec's Names).
// Imports and function declarations are left out, and so is everything
// inside a declaration but the names it declares. The file is added to
// fset, with its lines. ok is false when src does not scan or its top
// level is not made of declarations; f is then the file added to fset,
// or nil.
func skeleton(fset *token.FileSet, name string, src []byte) (f *ast.File, ok bool) {
	tf := fset.AddFile(name, -1, len(src))
	f = &ast.File{FileStart: token.Pos(tf.Base()), FileEnd: token.Pos(tf.Base() + tf.Size())}
	failed := false
	errh := func(token.Position, string) { failed = true }

	// The comments before the package clause, with a scanner that
	// returns them; the rest with one that skips them.
	var tok token.Token
	if f.Comments, tok = headerComments(tf, src, errh); tok != token.PACKAGE {
		return f, false
	}
	var s scanner.Scanner
	s.Init(tf, src, errh, 0)
	t := tokens{s: &s}
	if t.next() != token.PACKAGE {
		return f, false
	}
	f.Package = t.pos
	if t.next() != token.IDENT {
		return f, false
	}
	f.Name = &ast.Ident{NamePos: t.pos, Name: t.lit}
	for {
		switch t.next() {
		case token.EOF:
			return f, !failed
		case token.SEMICOLON:
		case token.IMPORT, token.FUNC:
			if !t.skip(false) {
				return f, false
			}
		case token.TYPE, token.VAR, token.CONST:
			d := &ast.GenDecl{TokPos: t.pos, Tok: t.tok}
			if !t.genDecl(d) {
				return f, false
			}
			f.Decls = append(f.Decls, d)
		default:
			return f, false
		}
		if failed {
			return f, false
		}
	}
}

// tokens reads a file's tokens, comments skipped.
type tokens struct {
	s    *scanner.Scanner
	pos  token.Pos
	tok  token.Token
	lit  string
	open []token.Token // skip's closing brackets expected, innermost last
}

func (t *tokens) next() token.Token {
	t.pos, t.tok, t.lit = t.s.Scan()
	return t.tok
}

// skip reads on to the end of what starts at the current token: the
// semicolon ending it outside brackets, or, in a group (a declaration's
// parentheses), the parenthesis closing the group. It reports false
// where brackets do not match.
func (t *tokens) skip(group bool) bool {
	t.open = t.open[:0]
	for tok := t.tok; ; tok = t.next() {
		switch tok {
		case token.EOF:
			return len(t.open) == 0 && !group
		case token.LPAREN:
			t.open = append(t.open, token.RPAREN)
		case token.LBRACK:
			t.open = append(t.open, token.RBRACK)
		case token.LBRACE:
			t.open = append(t.open, token.RBRACE)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(t.open) == 0 {
				return group && tok == token.RPAREN // the group's end
			}
			if t.open[len(t.open)-1] != tok {
				return false
			}
			t.open = t.open[:len(t.open)-1]
		case token.SEMICOLON:
			if len(t.open) == 0 {
				return true
			}
		}
	}
}

// genDecl reads the specs of a type, variable or constant declaration
// whose keyword is the current token into d: one spec, or a group in
// parentheses.
func (t *tokens) genDecl(d *ast.GenDecl) bool {
	if t.next() != token.LPAREN {
		return t.spec(d, false)
	}
	d.Lparen = t.pos
	for {
		switch t.next() {
		case token.RPAREN:
			d.Rparen = t.pos
			return true
		case token.SEMICOLON:
		default:
			if !t.spec(d, true) {
				return false
			}
			if t.tok == token.RPAREN { // the group ends after the spec
				d.Rparen = t.pos
				return true
			}
		}
	}
}

// spec reads a spec of d starting at the current token, in a group or
// not (see skip), and keeps its names.
func (t *tokens) spec(d *ast.GenDecl, group bool) bool {
	if t.tok != token.IDENT {
		return false
	}
	name := func() *ast.Ident { return &ast.Ident{NamePos: t.pos, Name: t.lit} }
	if d.Tok == token.TYPE {
		d.Specs = append(d.Specs, &ast.TypeSpec{Name: name()})
		t.next()
		return t.skip(group)
	}
	vs := &ast.ValueSpec{Names: []*ast.Ident{name()}}
	d.Specs = append(d.Specs, vs)
	for t.next() == token.COMMA {
		if t.next() != token.IDENT {
			return false
		}
		vs.Names = append(vs.Names, name())
	}
	return t.skip(group)
}

// headerComments scans src, the text of tf, up to its first token that
// is not a comment, and returns the comments before it, each its own
// group, and that token: the comments ast.IsGenerated reads, where the
// file's package clause is the token. The groups are not the parser's,
// which matters only to a tool reading them (none reads those of a
// dependency). Scanning a file the parser read adds nothing to tf:
// token.File's AddLine and AddLineColumnInfo (a //line comment) ignore
// an offset not past the last they hold.
func headerComments(tf *token.File, src []byte, errh scanner.ErrorHandler) ([]*ast.CommentGroup, token.Token) {
	var groups []*ast.CommentGroup
	var s scanner.Scanner
	s.Init(tf, src, errh, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok != token.COMMENT {
			return groups, tok
		}
		groups = append(groups, &ast.CommentGroup{List: []*ast.Comment{{Slash: pos, Text: lit}}})
	}
}
