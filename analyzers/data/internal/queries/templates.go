package queries

import (
	"strconv"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// Templates: a text derived from the enclosing function's parameters
// marks each where it goes, so that the function's callers fill it in.

// Markers of parameters in a template: markOpen, the parameter's index,
// markClose. Neither byte occurs in SQL.
const (
	markOpen  = "\x01"
	markClose = "\x02"
)

// marker is the stand-in of the i-th parameter in a template.
func marker(i int) string { return markOpen + strconv.Itoa(i) + markClose }

// nameSlots keeps the markers of a query that stand where a name goes (a
// table after FROM, INTO, UPDATE, JOIN, TABLE, TO; a quoted name; a schema
// or a table of schema.table) and turns the others, values and clauses
// ("… WHERE name = '" + name + "'", "… ORDER BY " + order), into holes: a
// function that formats a value into its query is where the query is,
// not its callers. A text that is one parameter, the whole query, stays.
func nameSlots(t text) text {
	if t.param < 0 || t.s == marker(t.param) || !strings.Contains(t.s, markOpen) {
		return t
	}
	var b strings.Builder
	param := -1
	s := t.s
	for {
		i := strings.Index(s, markOpen)
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.Index(s[i:], markClose)
		if j < 0 {
			b.WriteString(s)
			break
		}
		m := s[i : i+j+len(markClose)]
		b.WriteString(s[:i])
		if nameSlot(b.String(), s[i+len(m):]) {
			b.WriteString(m)
			if param < 0 {
				param, _ = strconv.Atoi(m[len(markOpen) : len(m)-len(markClose)])
			}
		} else {
			b.WriteString(sqlscan.Hole)
		}
		s = s[i+len(m):]
	}
	t.s, t.param = b.String(), param
	return t
}

// nameSlot reports whether a part between before and after stands where
// a name goes.
func nameSlot(before, after string) bool {
	if strings.HasPrefix(after, ".") {
		return true // schema.table
	}
	before = withoutComments(before)
	if before == "" {
		return true // the whole query, after a comment or none
	}
	switch before[len(before)-1] {
	case '"', '`', '.', '[', ';':
		return true // a quoted name, a schema's table, a statement of its own
	}
	k := len(before)
	for k > 0 && (isWordChar(before[k-1])) {
		k--
	}
	switch strings.ToUpper(before[k:]) {
	case "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "EXISTS", "TO", "ONLY", "TRUNCATE", "USING":
		return true
	}
	return false
}

// withoutComments trims the spaces and the SQL comments that end text.
func withoutComments(text string) string {
	for {
		text = strings.TrimRight(text, " \t\r\n")
		switch {
		case strings.HasSuffix(text, "*/"):
			i := strings.LastIndex(text, "/*")
			if i < 0 {
				return text
			}
			text = text[:i]
		default:
			line := text[strings.LastIndexByte(text, '\n')+1:]
			i := strings.Index(line, "--")
			if i < 0 {
				return text
			}
			text = text[:len(text)-len(line)+i]
		}
	}
}

func isWordChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// paramText is the text of the i-th parameter of the enclosing function.
func paramText(i int) text { return text{s: marker(i), param: i} }

// fill puts the text of each parameter marked in template in its place:
// arg(i) returns it. The result is constant when every part is; it
// derives from the first parameter of the caller that an argument does.
func fill(template string, arg func(i int) text) text {
	out := text{constant: true, param: -1}
	var b strings.Builder
	for {
		i := strings.Index(template, markOpen)
		if i < 0 {
			b.WriteString(template)
			break
		}
		b.WriteString(template[:i])
		j := strings.Index(template[i:], markClose)
		if j < 0 {
			b.WriteString(sqlscan.Hole)
			out.constant = false
			break
		}
		n, err := strconv.Atoi(template[i+len(markOpen) : i+j])
		template = template[i+j+len(markClose):]
		t := hole()
		if err == nil {
			t = flat(arg(n))
		}
		if b.Len()+len(t.s) > maxTextLen {
			return hole()
		}
		b.WriteString(t.s)
		out.constant = out.constant && t.constant
		if out.param < 0 {
			out.param = t.param
		}
	}
	out.s = b.String()
	if strings.Contains(out.s, sqlscan.Hole) {
		out.constant = false
	}
	return out
}

// flat is t as a part of a larger text: a set of statements in a
// concatenation or a format is no statement, so it becomes a hole.
func flat(t text) text {
	if t.alts == nil {
		return t
	}
	return hole()
}

// statements scans the statements of t: each alternative on its own, so
// that one cannot run into the next.
func (t text) statements() []sqlscan.Statement {
	var out []sqlscan.Statement
	for _, a := range t.each() {
		out = append(out, sqlscan.Scan(a)...)
	}
	return out
}

// each returns the alternatives of t, or its one text.
func (t text) each() []string {
	if t.alts == nil {
		return []string{t.s}
	}
	return t.alts
}
