package component

import (
	"errors"
	"fmt"
	"path"
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
// wrong with the pattern.
func CompileGlob(pattern string) (Glob, error) {
	if pattern == "" {
		return Glob{}, errors.New("empty pattern")
	}
	if strings.HasPrefix(pattern, "/") {
		return Glob{}, fmt.Errorf("pattern %q must be relative to the module root, not absolute", pattern)
	}
	if strings.Contains(pattern, `\`) {
		return Glob{}, fmt.Errorf("pattern %q must use forward slashes", pattern)
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
			return Glob{}, fmt.Errorf("pattern %q has an empty path segment", pattern)
		case s == "." || s == "..":
			return Glob{}, fmt.Errorf("pattern %q must not contain %q segments", pattern, s)
		case s == "...":
			if i != len(segs)-1 {
				return Glob{}, fmt.Errorf("pattern %q: \"...\" may only end a pattern; use \"**\" in the middle", pattern)
			}
		case s == "**":
		case strings.Contains(s, "..."):
			return Glob{}, fmt.Errorf("pattern %q: \"...\" must be a whole path segment", pattern)
		case strings.Contains(s, "**"):
			return Glob{}, fmt.Errorf("pattern %q: \"**\" must be a whole path segment", pattern)
		default:
			if _, err := path.Match(s, ""); err != nil {
				return Glob{}, fmt.Errorf("pattern %q: bad segment %q: %w", pattern, s, err)
			}
		}
	}
	return Glob{pattern: pattern, segs: segs}, nil
}

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

func matchSegs(segs, parts []string) bool {
	for len(segs) > 0 {
		s := segs[0]
		switch s {
		case "...":
			return true // matches the path so far and everything below
		case "**":
			for i := 0; i <= len(parts); i++ {
				if matchSegs(segs[1:], parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, _ := path.Match(s, parts[0]); !ok {
			return false
		}
		segs, parts = segs[1:], parts[1:]
	}
	return len(parts) == 0
}
