package engine

import (
	"bytes"
	"go/ast"
	"go/parser"

	"golang.org/x/tools/go/packages"
)

// parse parses a dependency's files as go/packages would with
// packages.LoadAllSyntax, but without the parser's object resolution
// (see Load), without comments but those before the package clause (no
// analyzer reads a dependency's other comments, and building them is an
// eighth of the parse of a commented SDK: see headerComments) and, if
// blank, with long string literals blanked (see blankLongLiterals);
// blanked reports whether a literal was.
func (e *Engine) parse(p *packages.Package, blank bool) (files []*ast.File, errs []error, blanked bool) {
	for _, name := range p.CompiledGoFiles {
		data, release, b, err := readDependency(name, blank)
		if err != nil {
			release()
			errs = append(errs, err)
			continue
		}
		blanked = blanked || b
		f, err := parser.ParseFile(e.fset, name, data, parser.AllErrors|parser.SkipObjectResolution)
		if f != nil {
			f.Comments, _ = headerComments(e.fset.File(f.FileStart), data, nil)
			files = append(files, f)
		}
		release()
		if err != nil {
			errs = append(errs, err)
		}
	}
	return files, errs, blanked
}

// readDependency reads a dependency's file into a buffer lent until
// release is called (see readSource), its long string literals blanked
// if blank (see blankLongLiterals); blanked reports whether one was.
func readDependency(name string, blank bool) (data []byte, release func(), blanked bool, err error) {
	data, release, err = readSource(name)
	if err == nil && blank {
		blanked = blankLongLiterals(data, minBlankedLiteral)
	}
	return data, release, blanked, err
}

// minBlankedLiteral is the length, quotes included, from which a
// dependency's interpreted string literal is read as empty (see
// blankLongLiterals): 256 KB, far above any query, path or struct tag,
// far below the files embedded as literals (fileb0x, go-bindata, esc,
// statik: a web UI's bundles, megabytes each, written as \x escapes).
// Those are data no analyzer reads, and parsing them costs as much as
// parsing code of the same size — the scanner decodes every escape,
// the parser copies each literal, the type checker unquotes it into a
// constant — while a dependency embedding a web UI
// (github.com/swaggo/files, 35 MB, 1–6 MB a literal) has facts, so it
// is parsed and type-checked from source. Where literals read as ""
// make a dependency ill-typed (two of them keys of one map literal, or
// cases of one switch, a constant indexed), it is parsed again as
// written (see runDependency).
const minBlankedLiteral = 256 << 10

// blankLongLiterals rewrites src in place so that every interpreted
// string literal ("…") of at least minLen bytes reads as "" followed by
// spaces up to where it ended: every other token keeps its offset, so
// positions, lines and columns are those of the file; only the literal
// is shorter and its value empty. Raw string literals (`…`) are left
// alone: they may span lines, and blanking their line breaks would end
// the statement there. src must be Go source that scans: a literal not
// closed on its line is left alone, as is everything after it. It
// reports whether it blanked a literal.
func blankLongLiterals(src []byte, minLen int) (blanked bool) {
	if len(src) < minLen {
		return false
	}
	for i := 0; i < len(src); {
		j := bytes.IndexAny(src[i:], "\"`'/")
		if j < 0 {
			return blanked
		}
		i += j
		switch src[i] {
		case '/':
			switch {
			case i+1 < len(src) && src[i+1] == '/':
				end := bytes.IndexByte(src[i:], '\n')
				if end < 0 {
					return blanked
				}
				i += end + 1
			case i+1 < len(src) && src[i+1] == '*':
				end := bytes.Index(src[i+2:], []byte("*/"))
				if end < 0 {
					return blanked
				}
				i += 2 + end + 2
			default:
				i++
			}
		case '`':
			end := bytes.IndexByte(src[i+1:], '`')
			if end < 0 {
				return blanked
			}
			i += 1 + end + 1
		default: // " or '
			end := closingQuote(src, i)
			if end < 0 {
				return blanked
			}
			if src[i] == '"' && end+1-i >= minLen {
				blanked = true
				src[i+1] = '"'
				for k := i + 2; k <= end; k++ {
					src[k] = ' '
				}
			}
			i = end + 1
		}
	}
	return blanked
}

// closingQuote returns the offset of the quote closing the interpreted
// string or rune literal opened at src[open], or -1 if the line or the
// file ends first.
func closingQuote(src []byte, open int) int {
	q := src[open]
	for i := open + 1; i < len(src); {
		j := bytes.IndexByte(src[i:], q)
		if j < 0 {
			return -1
		}
		if nl := bytes.IndexByte(src[i:i+j], '\n'); nl >= 0 {
			return -1
		}
		end := i + j
		// Escaped if an odd number of backslashes precede it.
		n := 0
		for k := end - 1; k > open && src[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			return end
		}
		i = end + 1
	}
	return -1
}
