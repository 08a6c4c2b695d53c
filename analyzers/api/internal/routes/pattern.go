package routes

import (
	"fmt"
	"strings"
)

// Pattern is a parsed net/http (Go 1.22) route pattern:
// [METHOD ][HOST]/[PATH], where PATH segments may be wildcards
// ({name}, {name...}) and a trailing {$} anchors the end.
type Pattern struct {
	Method    string   // upper case as written; "" matches every method
	Host      string   // "" matches every host
	Path      string   // always starts with "/"
	Wildcards []string // wildcard names in order, without braces or dots
	Subtree   bool     // the path ends in "/" (or {name...}) and matches everything below it
}

// ParsePattern parses a net/http ServeMux pattern as Go 1.22 and later
// read it. It returns an error for the patterns ServeMux would reject.
func ParsePattern(s string) (Pattern, error) {
	var p Pattern
	if s == "" {
		return p, fmt.Errorf("empty pattern")
	}
	rest := s
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		p.Method = s[:i]
		rest = strings.TrimLeft(s[i:], " \t")
		if p.Method == "" || !isToken(p.Method) {
			return Pattern{}, fmt.Errorf("bad method %q", p.Method)
		}
	}
	slash := strings.IndexByte(rest, '/')
	if slash < 0 {
		return Pattern{}, fmt.Errorf("host/path missing /")
	}
	p.Host = rest[:slash]
	if strings.ContainsAny(p.Host, "{}") {
		return Pattern{}, fmt.Errorf("host contains '{' (missing initial '/'?)")
	}
	p.Path = rest[slash:]
	seen := map[string]bool{}
	segs := strings.Split(p.Path[1:], "/")
	for i, seg := range segs {
		if !strings.Contains(seg, "{") && !strings.Contains(seg, "}") {
			continue
		}
		if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") {
			return Pattern{}, fmt.Errorf("bad wildcard segment %q (must be entire segment)", seg)
		}
		name := seg[1 : len(seg)-1]
		last := i == len(segs)-1
		if name == "$" {
			if !last {
				return Pattern{}, fmt.Errorf("{$} not at end")
			}
			continue
		}
		multi := strings.HasSuffix(name, "...")
		if multi {
			if !last {
				return Pattern{}, fmt.Errorf("{...} wildcard not at end")
			}
			name = strings.TrimSuffix(name, "...")
		}
		if !isIdent(name) {
			return Pattern{}, fmt.Errorf("bad wildcard name %q", name)
		}
		if seen[name] {
			return Pattern{}, fmt.Errorf("duplicate wildcard name %q", name)
		}
		seen[name] = true
		p.Wildcards = append(p.Wildcards, name)
		if multi {
			p.Subtree = true
		}
	}
	if strings.HasSuffix(p.Path, "/") {
		p.Subtree = true
	}
	return p, nil
}

func isToken(s string) bool {
	for _, r := range s {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?={}`, r) {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

// JoinPath joins a mount prefix and a path registered below it, as the
// routers do: exactly one slash between them, a trailing slash of the
// path kept, and an empty path meaning the prefix itself.
func JoinPath(prefix, p string) string {
	switch {
	case prefix == "":
		if p == "" {
			return "/"
		}
		if !strings.HasPrefix(p, "/") {
			return "/" + p
		}
		return p
	case p == "":
		return prefix
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(p, "/")
}

// Segments splits a path into its non-empty segments.
func Segments(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
