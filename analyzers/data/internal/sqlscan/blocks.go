package sqlscan

import (
	"sort"
	"strings"
)

// CTENames returns the upper-case names of the common table expressions a
// WITH clause at the start of src defines ("WITH RECURSIVE tree AS (…)"):
// a query builder's prefix names them for the FROM it builds.
func CTENames(src string) []string {
	p := newParser(src, 0)
	if !p.isKeyword("WITH") {
		return nil
	}
	p.pos++
	var st Statement
	p.with(&st)
	names := make([]string, 0, len(p.ctes))
	for n := range p.ctes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// plpgsqlStatements makes the body of a DO block scannable: the words that
// open and close PL/pgSQL blocks and branches (BEGIN, THEN, ELSE, LOOP,
// END …) end the statement before them, so that the SQL statements inside
// (IF NOT EXISTS (…) THEN ALTER TABLE … END IF) are statements of their own.
func plpgsqlStatements(body string) string {
	var b strings.Builder
	toks, _ := lex(body)
	last := 0
	for _, t := range toks {
		switch t.upper() {
		case "BEGIN", "THEN", "ELSE", "ELSIF", "LOOP", "DECLARE", "END", "EXCEPTION":
			b.WriteString(body[last:t.start])
			b.WriteString(";\n" + t.text + ";\n")
			last = int(t.start) + len(t.text)
		}
	}
	b.WriteString(body[last:])
	return b.String()
}
