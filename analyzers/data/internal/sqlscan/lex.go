package sqlscan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hole is the text a caller puts where a part of a query could not be
// resolved statically (a variable, a Sprintf argument). The scanner treats
// it as a placeholder and remembers that the statement is open there.
const Hole = "\x00"

type tokKind uint8

const (
	tWord   tokKind = iota // identifier or keyword, unquoted
	tQuoted                // quoted identifier: "x", `x`, [x]
	tString                // string literal
	tNumber
	tParam // placeholder: ?, $1, :name, @p, %s
	tHole  // an unresolved part of the query (see Hole)
	tPunct // one or two characters of punctuation or operator
)

type token struct {
	text  string // words: as written; quoted: unquoted content; punct: the operator
	start int32  // the token's offset in the source
	kind  tokKind
}

// notes holds the comments of a source by the start of the token they
// follow ("scopes bytea, -- JSON array"): few tokens have one, so they
// are kept beside the tokens, not in each.
type notes map[int32]string

// upper returns the keyword form of a word token, or "" for other tokens.
func (t token) upper() string {
	if t.kind != tWord {
		return ""
	}
	return strings.ToUpper(t.text)
}

// part reports whether a token can be part of a name.
func part(t token) bool {
	return t.kind == tWord || t.kind == tQuoted || t.kind == tNumber || t.kind == tHole
}

// lex splits src into tokens, skipping whitespace and keeping comments as
// notes of the token before them. It never fails: anything it does not
// understand becomes punctuation. A name that a hole is part of
// ("users_" + suffix, a quoted name built from a variable) is a hole: no
// table is named after a fragment.
func lex(src string) ([]token, notes) {
	var toks []token
	var ns notes
	prevEnd := -1
	comment := func(text string) {
		if n := len(toks); n > 0 {
			if ns == nil {
				ns = notes{}
			}
			ns[toks[n-1].start] += text
		}
	}
	i := 0
	for i < len(src) {
		c := src[i]
		start, n := i, len(toks)
		switch {
		case c == 0:
			toks = append(toks, token{kind: tHole, text: Hole})
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			comment(src[start:i])
		case c == '#' && (i+1 >= len(src) || src[i+1] == ' ' || src[i+1] == '\t'):
			// MySQL line comment; "#>" and "#-" are PostgreSQL operators.
			for i < len(src) && src[i] != '\n' {
				i++
			}
			comment(src[start:i])
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				i = len(src)
			} else {
				i += 2 + end + 2
			}
			comment(src[start:i])
		case c == '\'':
			j := quotedEnd(src, i, '\'')
			toks = append(toks, token{kind: tString, text: src[i:j]})
			i = j
		case c == '"' || c == '`':
			j := quotedEnd(src, i, c)
			inner := src[i+1 : j]
			if j <= len(src) && j > i+1 && src[j-1] == c {
				inner = src[i+1 : j-1]
			}
			q := string(c)
			toks = append(toks, token{kind: tQuoted, text: strings.ReplaceAll(inner, q+q, q)})
			i = j
		case c == '[' && i+1 < len(src) && isIdentStart(src[i+1:]):
			// SQL Server style [name]; PostgreSQL arrays use [ after an
			// expression, which is rare in table positions.
			end := strings.IndexByte(src[i+1:], ']')
			if end < 0 {
				toks = append(toks, token{kind: tPunct, text: "["})
				i++
				break
			}
			toks = append(toks, token{kind: tQuoted, text: src[i+1 : i+1+end]})
			i += end + 2
		case c == '$':
			j := i + 1
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			if j > i+1 {
				toks = append(toks, token{kind: tParam, text: src[i:j]})
				i = j
				break
			}
			// Dollar quoting: $$...$$ or $tag$...$tag$.
			k := i + 1
			for k < len(src) && (isWordByte(src[k])) {
				k++
			}
			if k < len(src) && src[k] == '$' {
				tag := src[i : k+1]
				end := strings.Index(src[k+1:], tag)
				if end < 0 {
					i = len(src)
				} else {
					i = k + 1 + end + len(tag)
				}
				toks = append(toks, token{kind: tString, text: tag})
				break
			}
			toks = append(toks, token{kind: tPunct, text: "$"})
			i++
		case c == '?':
			j := i + 1
			for j < len(src) && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			toks = append(toks, token{kind: tParam, text: src[i:j]})
			i = j
		case (c == ':' || c == '@') && i+1 < len(src) && isIdentStart(src[i+1:]) &&
			(c == '@' || i == 0 || src[i-1] != ':'):
			j := i + 1
			for j < len(src) && (isWordByte(src[j]) || src[j] == '.') {
				j++
			}
			toks = append(toks, token{kind: tParam, text: src[i:j]})
			i = j
		case c == '%' && i+1 < len(src) && strings.IndexByte("sdvqxXfgt", src[i+1]) >= 0:
			toks = append(toks, token{kind: tParam, text: src[i : i+2]})
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(src) && (isWordByte(src[j]) || src[j] == '.') {
				j++
			}
			toks = append(toks, token{kind: tNumber, text: src[i:j]})
			i = j
		case isIdentStart(src[i:]):
			j := i
			for j < len(src) {
				r, n := utf8.DecodeRuneInString(src[j:])
				if r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r) {
					j += n
					continue
				}
				break
			}
			// E'...' and similar prefixed strings.
			if j < len(src) && src[j] == '\'' && j-i <= 2 {
				k := quotedEnd(src, j, '\'')
				toks = append(toks, token{kind: tString, text: src[i:k]})
				i = k
				break
			}
			toks = append(toks, token{kind: tWord, text: src[i:j]})
			i = j
		default:
			if i+1 < len(src) && isTwoCharOp(src[i:i+2]) {
				toks = append(toks, token{kind: tPunct, text: src[i : i+2]})
				i += 2
				break
			}
			_, w := utf8.DecodeRuneInString(src[i:])
			toks = append(toks, token{kind: tPunct, text: src[i : i+w]})
			i += w
		}
		if len(toks) > n {
			t := &toks[n]
			t.start = int32(start)
			if t.kind == tQuoted && strings.Contains(t.text, Hole) {
				t.kind, t.text = tHole, Hole // a quoted name built from a variable
			}
			// A name written against a hole with no space between is a
			// hole: "users_" + suffix.
			if n > 0 && prevEnd == start && part(*t) && part(toks[n-1]) && (t.kind == tHole || toks[n-1].kind == tHole) {
				toks[n-1] = token{kind: tHole, text: Hole, start: toks[n-1].start}
				toks = toks[:n]
			}
			prevEnd = i
		}
	}
	return toks, ns
}

// dollarBody returns the content of a dollar-quoted string token
// ($tag$ … $tag$) of src, or "".
func dollarBody(src string, t token) string {
	if t.kind != tString || !strings.HasPrefix(t.text, "$") || !strings.HasSuffix(t.text, "$") || len(t.text) < 2 {
		return ""
	}
	rest := src[int(t.start)+len(t.text):]
	end := strings.Index(rest, t.text)
	if end < 0 {
		return ""
	}
	return rest[:end]
}

// quotedEnd returns the index just past the literal that starts at src[i]
// with quote q, honouring doubled quotes and backslash escapes. An
// unterminated literal runs to the end.
func quotedEnd(src string, i int, q byte) int {
	j := i + 1
	for j < len(src) {
		switch src[j] {
		case '\\':
			if q == '\'' {
				j += 2
				continue
			}
		case q:
			if j+1 < len(src) && src[j+1] == q {
				j += 2
				continue
			}
			return j + 1
		}
		j++
	}
	return len(src)
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isIdentStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || unicode.IsLetter(r)
}

func isTwoCharOp(s string) bool {
	switch s {
	case "::", "<=", ">=", "<>", "!=", "||", "->", "=>", ":=", "@>", "<@", "#>", "&&":
		return true
	}
	return false
}
