package policy

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// syntaxError reports a YAML syntax error at its line; the YAML library
// gives no column. The library's messages start "yaml: line N: " where
// it knows the line, and its line is off by one for parser (rather than
// scanner) errors, which count from 0.
// Where it gives no line, the problem is on line 1, or is a bad byte or
// an unknown anchor, which are looked up in data.
func (p *parser) syntaxError(err error, data []byte) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	pos := position{1, 1}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, text, _ := strings.Cut(rest, ": ")
		if n, convErr := strconv.Atoi(num); convErr == nil && n > 0 && text != "" {
			msg, pos.line = text, n
			if isParserError(text) {
				pos.line++
			}
		}
	} else if at, ok := locate(msg, data); ok {
		pos = at
	}
	if name, ok := unknownAnchor(msg); ok {
		if _, whole := clip(name); !whole { // the library quotes it whole
			msg = "unknown anchor " + quote(name) + " referenced"
		}
	}
	p.errorAt(pos.line, pos.col, "malformed YAML: "+msg)
}

// unknownAnchor returns the name in the YAML library's message about an
// alias of an unknown anchor.
func unknownAnchor(msg string) (string, bool) {
	name, ok := strings.CutPrefix(msg, "unknown anchor '")
	if !ok {
		return "", false
	}
	return strings.TrimSuffix(name, "' referenced"), true
}

// isParserError reports whether msg is one of the YAML library's parser
// errors, whose lines count from 0 (see yaml.v3's parser.fail).
func isParserError(msg string) bool {
	switch msg {
	case "did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"did not find expected '-' indicator",
		"did not find expected <document start>",
		"did not find expected <stream-start>",
		"did not find expected key",
		"did not find expected node content",
		"found duplicate %TAG directive",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found undefined tag handle":
		return true
	}
	return false
}

// locate finds where in data a YAML error without a line is: the first
// character YAML does not allow, or the first use of an unknown anchor.
func locate(msg string, data []byte) (position, bool) {
	var at int
	if name, ok := unknownAnchor(msg); ok {
		at = bytes.Index(data, []byte("*"+name))
	} else {
		at = firstBadChar(data)
	}
	if at < 0 {
		return position{}, false
	}
	line := 1 + bytes.Count(data[:at], []byte("\n"))
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:at], '\n')+1:at])
	return position{line, col}, true
}

// firstBadChar returns the offset of the first byte of data that is not
// valid UTF-8 or is a character YAML does not allow, or -1.
func firstBadChar(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 || !printable(r) {
			return i
		}
		i += size
	}
	return -1
}

// printable reports whether YAML allows r in a document (YAML 1.2, 5.1).
func printable(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return true
	case r < 0x20 || r == 0x7f:
		return false
	case r < 0xa0:
		return r < 0x7f
	}
	return r <= 0xd7ff || (r >= 0xe000 && r <= 0xfffd) || r >= 0x10000
}
