package policy

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/oneway-lint/oneway/analyzers/component"
)

// The parser's access to YAML nodes: each value knows its path in the
// policy, for messages and positions, and each accessor reports what is
// wrong with the node it is given.

// value is a YAML node and where it is in the policy.
type value struct {
	n      *yaml.Node
	path   string // its path in messages: "components[2].paths[0]"
	schema string // its path in sections: "components[].paths[]"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// child is the value of key in the mapping v.
func (v value) child(key string, n *yaml.Node) value {
	return value{n: n, path: join(v.path, key), schema: join(v.schema, key)}
}

// entry is the value of key in the mapping v, whose keys are names
// (rule ids, components) rather than fixed keys.
func (v value) entry(key string, n *yaml.Node) value {
	return value{n: n, path: join(v.path, key), schema: join(v.schema, "*")}
}

// item is the i'th item of the list v.
func (v value) item(i int, n *yaml.Node) value {
	return value{n: n, path: fmt.Sprintf("%s[%d]", v.path, i), schema: v.schema + "[]"}
}

// pair is one key and value of a mapping.
type pair struct {
	key     string
	keyNode *yaml.Node
	val     value
}

// pairs returns the entries of the mapping v, reporting keys that are
// not strings and duplicate keys. A null value is an empty mapping.
//
// The keys of a mapping are fixed (the policy's own keys) or, if named,
// names (rule ids, components). The position of each value is recorded
// for the checks: for a name, the name's own, which is what checks talk
// about; else the value's for a scalar and the key's for a list or
// mapping, whose problems are about the whole.
func (p *parser) pairs(v value, named bool) []pair {
	if isNull(v.n) {
		return nil
	}
	if v.n.Kind != yaml.MappingNode {
		// The empty mapping is valid, so no check would report it
		// again: no need to poison v, which would hide the problems of
		// a rule's id.
		p.errorf(v.n, v.path, "%s", mismatch(v.n, "a mapping"))
		return nil
	}
	var kvs []pair
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(v.n.Content); i += 2 {
		k, val := v.n.Content[i], v.n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, v.path, "%s", mismatch(k, "a string key"))
			continue
		}
		if f, dup := first[k.Value]; dup {
			p.errorf(k, v.path, "duplicate key %s (first at line %d)", quote(k.Value), f.Line)
			continue
		}
		first[k.Value] = k
		kv := pair{key: k.Value, keyNode: k, val: v.child(k.Value, val)}
		where := k
		if named {
			kv.val = v.entry(k.Value, val)
		} else if val.Kind == yaml.ScalarNode || val.Kind == yaml.AliasNode {
			where = val
		}
		p.pos[kv.val.path] = position{where.Line, where.Column}
		kvs = append(kvs, kv)
	}
	return kvs
}

// list returns the items of the list v. A null value is an empty list.
func (p *parser) list(v value) []value {
	if isNull(v.n) || !p.is(v, yaml.SequenceNode, "a list") {
		return nil
	}
	items := make([]value, len(v.n.Content))
	for i, n := range v.n.Content {
		items[i] = v.item(i, n)
		p.pos[items[i].path] = position{n.Line, n.Column}
	}
	return items
}

// strings returns the list of strings v. An item that is not a string is
// reported and left empty.
func (p *parser) strings(v value) []string {
	items := p.list(v)
	if items == nil {
		return nil
	}
	ss := make([]string, len(items))
	for i, it := range items {
		ss[i], _ = p.str(it)
	}
	return ss
}

// globs returns the list of globs v. A bad glob is reported and left as
// the zero Glob.
func (p *parser) globs(v value) []component.Glob {
	items := p.list(v)
	if items == nil {
		return nil
	}
	gs := make([]component.Glob, len(items))
	for i, it := range items {
		s, ok := p.str(it)
		if !ok {
			continue
		}
		g, err := component.CompileGlob(s)
		if err != nil {
			p.fail(it, "%s", globProblem(err))
			continue
		}
		gs[i] = g
	}
	return gs
}

// str returns the text of the scalar v. Numbers and booleans are taken
// as written: a glob or a name may look like one.
func (p *parser) str(v value) (string, bool) {
	if !p.is(v, yaml.ScalarNode, "a string") {
		return "", false
	}
	switch v.n.ShortTag() {
	case "!!str", "!!int", "!!float", "!!bool", "!!timestamp":
		return v.n.Value, true
	}
	p.fail(v, "expected a string, got %s", describe(v.n))
	return "", false
}

// integer returns the value of the integer scalar v.
func (p *parser) integer(v value) (int, bool) {
	if !p.is(v, yaml.ScalarNode, "an integer") {
		return 0, false
	}
	if v.n.ShortTag() != "!!int" {
		p.fail(v, "expected an integer, got %s", describe(v.n))
		return 0, false
	}
	var n int
	if err := v.n.Decode(&n); err != nil {
		p.fail(v, "integer %s is out of range", quote(v.n.Value)) // of a 32-bit int, or not an integer despite its tag
		return 0, false
	}
	return n, true
}

// boolean returns the value of the boolean scalar v (true or false).
func (p *parser) boolean(v value) (bool, bool) {
	if !p.is(v, yaml.ScalarNode, "a boolean (true or false)") {
		return false, false
	}
	if v.n.ShortTag() != "!!bool" {
		p.fail(v, "expected a boolean (true or false), got %s", describe(v.n))
		return false, false
	}
	var b bool
	if err := v.n.Decode(&b); err != nil {
		p.fail(v, "expected a boolean (true or false), got %s", quote(v.n.Value))
		return false, false
	}
	return b, true
}

// is reports whether v is of the given kind, and reports it if not.
func (p *parser) is(v value, kind yaml.Kind, want string) bool {
	if v.n.Kind == kind {
		return true
	}
	p.fail(v, "%s", mismatch(v.n, want))
	return false
}

// mismatch is the message for a node that is not what was wanted.
// Aliases are never followed: they are reported, which also rules out
// "billion laughs" blow-ups.
func mismatch(n *yaml.Node, want string) string {
	if n.Kind == yaml.AliasNode {
		return "YAML aliases are not supported; write the value out"
	}
	return fmt.Sprintf("expected %s, got %s", want, describe(n))
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the kind of a node for messages: "a list", "a string".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	switch tag := n.ShortTag(); tag {
	case "!!str":
		return "a string"
	case "!!int":
		return "an integer"
	case "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "null"
	case "!!timestamp":
		return "a timestamp"
	default:
		return "a value tagged " + tag
	}
}

// errorf reports a problem at node n, in the mapping or list at path.
func (p *parser) errorf(n *yaml.Node, path, format string, args ...any) {
	p.errorAt(n.Line, n.Column, label(path, fmt.Sprintf(format, args...)))
}

// fail reports that the value v cannot be decoded. Its caller keeps a
// zero value in its place, so that the positions of its neighbours stay
// right, and the checks that run on the decoded policy do not report
// that zero value again.
func (p *parser) fail(v value, format string, args ...any) {
	p.errorf(v.n, v.path, format, args...)
	p.poisoned = append(p.poisoned, v.path)
}

func (p *parser) errorAt(line, col int, msg string) {
	p.errs = append(p.errs, Error{File: p.file, Line: max(line, 1), Col: max(col, 1), Msg: msg})
}
