package component

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// A Glob matches slash-separated paths in Go's package-pattern style:
//
//	internal/billing      exactly that path
//	internal/billing/...  that path and every path below it
//	cmd/*                 one segment matching path.Match syntax
//	**/*_gen.go           any number of segments, then one matching *_gen.go
//
// Paths are compared segment by segment; a Glob never matches a prefix of
// a segment ("internal/bill" does not match "internal/billing").
type Glob struct {
	pattern string
	segs    []string
}

// CompileGlob checks pattern and returns its Glob. The error says what is
// wrong with the pattern; it is a *PatternError unless the pattern is
// empty.
func CompileGlob(pattern string) (Glob, error) {
	if pattern == "" {
		return Glob{}, errors.New("empty pattern")
	}
	bad := func(rest string) error { return &PatternError{pattern: pattern, rest: rest} }
	if strings.HasPrefix(pattern, "/") {
		return Glob{}, bad(" must be relative to the module root, not absolute")
	}
	if strings.Contains(pattern, `\`) {
		return Glob{}, bad(" must use forward slashes")
	}
	p := strings.TrimPrefix(pattern, "./")
	switch p {
	case ".", "":
		return Glob{pattern: pattern}, nil // the module root only
	case "...":
		return Glob{pattern: pattern, segs: []string{"..."}}, nil
	}
	segs := strings.Split(strings.TrimSuffix(p, "/"), "/")
	for i, s := range segs {
		switch {
		case s == "":
			return Glob{}, bad(" has an empty path segment")
		case s == "." || s == "..":
			return Glob{}, bad(fmt.Sprintf(" must not contain %q segments", s))
		case s == "...":
			if i != len(segs)-1 {
				return Glob{}, bad(`: "..." may only end a pattern; use "**" in the middle`)
			}
		case s == "**":
		case strings.Contains(s, "..."):
			return Glob{}, bad(`: "..." must be a whole path segment`)
		case strings.Contains(s, "**"):
			return Glob{}, bad(`: "**" must be a whole path segment`)
		default:
			if _, err := path.Match(s, ""); err != nil {
				return Glob{}, &PatternError{pattern: pattern, segment: s, err: err}
			}
		}
	}
	return Glob{pattern: pattern, segs: segs}, nil
}

// A PatternError is a pattern CompileGlob rejects, and why. Its message
// quotes the pattern, which may be long: a caller that bounds how much
// of its input it echoes formats it with Message.
type PatternError struct {
	pattern string
	segment string // the segment path.Match rejects, with err
	err     error
	rest    string // else what is wrong, following the quoted pattern
}

// Error returns the message, with the pattern quoted whole.
func (e *PatternError) Error() string { return e.Message(strconv.Quote) }

// Message returns the message with the pattern, and the bad segment if
// any, quoted by quote.
func (e *PatternError) Message(quote func(string) string) string {
	if e.err != nil {
		return "pattern " + quote(e.pattern) + ": bad segment " + quote(e.segment) + ": " + e.err.Error()
	}
	return "pattern " + quote(e.pattern) + e.rest
}

// Unwrap returns the error of path.Match for a bad segment, or nil.
func (e *PatternError) Unwrap() error { return e.err }

// MustCompileGlob is CompileGlob for patterns known to be valid; it panics
// on a bad one. Use it only for constants.
func MustCompileGlob(pattern string) Glob {
	g, err := CompileGlob(pattern)
	if err != nil {
		panic(err)
	}
	return g
}

// String returns the pattern as written.
func (g Glob) String() string { return g.pattern }

// Match reports whether the slash-separated path p matches g. The empty
// path stands for the module root: "." matches it alone, "..." matches it
// and everything below.
func (g Glob) Match(p string) bool {
	var parts []string
	if p != "" && p != "." {
		parts = strings.Split(p, "/")
	}
	return matchSegs(g.segs, parts)
}

// matchSegs matches parts against segs in O(len(segs) × len(parts))
// segment matches: the classic wildcard algorithm, with ** for *. Every
// other segment matches exactly one part, so on a mismatch only the last
// ** needs to take one more part: an earlier ** could take more parts
// only for the last to take fewer, which it may already do. A trailing
// "..." is a trailing **.
func matchSegs(segs, parts []string) bool {
	si, pi := 0, 0
	star, resume := -1, 0 // the last ** seen, and the part after those it takes
	for pi < len(parts) {
		if si < len(segs) {
			s := segs[si]
			if s == "**" || s == "..." {
				star, resume = si, pi
				si++
				continue
			}
			if ok, _ := path.Match(s, parts[pi]); ok {
				si, pi = si+1, pi+1
				continue
			}
		}
		if star < 0 {
			return false
		}
		resume++
		si, pi = star+1, resume
	}
	for si < len(segs) && (segs[si] == "**" || segs[si] == "...") {
		si++
	}
	return si == len(segs)
}
