package sqlscan

import (
	"sort"
	"strings"
)

// Kind is the kind of a statement: its leading verb, lower case.
type Kind string

// The statement kinds the scanner tells apart.
const (
	Select   Kind = "select"
	Insert   Kind = "insert" // also REPLACE and INSERT OR REPLACE
	Update   Kind = "update"
	Delete   Kind = "delete"
	Merge    Kind = "merge"
	Create   Kind = "create"
	Alter    Kind = "alter"
	Drop     Kind = "drop"
	Truncate Kind = "truncate"
	Rename   Kind = "rename"
	Fragment Kind = "fragment" // a clause without a verb: "WHERE id = ?"
	Other    Kind = "other"    // BEGIN, SET, SHOW, PRAGMA, …
)

// Access is how a statement uses a table.
type Access uint8

// The ways a statement uses a table.
const (
	Read  Access = iota + 1 // SELECT, sub-queries, USING, INSERT … SELECT sources
	Write                   // INSERT, UPDATE, DELETE, MERGE, TRUNCATE targets
	DDL                     // CREATE, ALTER, DROP, RENAME of the table
)

func (a Access) String() string {
	switch a {
	case Read:
		return "read"
	case Write:
		return "write"
	case DDL:
		return "ddl"
	}
	return "unknown"
}

// Table is one use of a table by a statement.
type Table struct {
	Name   string // normalised: unquoted parts lower case, schema kept ("audit.events")
	Access Access
}

// Column is a column defined by CREATE TABLE or ALTER TABLE … ADD COLUMN.
type Column struct {
	Name string
	Type string // lower case, as written: "jsonb", "varchar(20)"
	// JSON is set when a comment on the definition says the column holds
	// JSON ("scopes bytea not null, -- JSON array of strings").
	JSON bool
}

// Statement is what the scanner found in one SQL statement.
type Statement struct {
	Kind Kind
	// Tables lists every table used, sorted by name then access, without
	// duplicates. CTE names are not tables, nor is the database's
	// catalogue (see Catalogue).
	Tables []Table
	// Star is set when the outermost select list has * or t.* (but not
	// count(*) nor a * inside a sub-query such as EXISTS (SELECT * …))
	// over a table: a * over derived tables and CTEs that name their
	// columns couples to nothing.
	Star bool
	// StarTables are the tables whose every column the star selects: those
	// of the outer FROM list (t.* picks one), through derived tables and
	// CTEs that select * themselves; empty when the table is unresolved.
	StarTables []string
	// Columns are the plain columns named by the outermost select list,
	// the INSERT column list or the UPDATE SET list, in order.
	Columns []string
	// Where is set when the statement (not a sub-query) has a WHERE clause.
	Where bool
	// DDL is set for statements that change the schema.
	DDL bool
	// Defined holds the columns a CREATE TABLE or ALTER TABLE … ADD
	// defines, for the table named in Tables with access DDL.
	Defined []Column
	// Temporary is set for CREATE TEMP TABLE: a table of the session, no
	// table of the schema.
	Temporary bool
	// Dropped holds the columns an ALTER TABLE … DROP COLUMN removes.
	Dropped []string
	// Renames holds the tables ALTER TABLE … RENAME TO and RENAME TABLE
	// give new names.
	Renames []Renaming
	// Open is set when an unresolved part of the query (a Hole) stands
	// where a clause could be, so the absence of WHERE proves nothing.
	Open bool

	// refs are the tables the statement's own FROM list reads, and
	// stars what its select list's stars qualify ("" for a bare *).
	refs  []tableRef
	stars []string
}

// Scan reads the statements in src. It accepts any input: fragments,
// several statements separated by semicolons, any dialect's quoting and
// placeholders. It never panics; what it cannot read it skips.
func Scan(src string) []Statement { return scanNested(src, 0) }

// maxNesting bounds how deep DO blocks within DO blocks are read.
const maxNesting = 4

func scanNested(src string, nesting int) []Statement { return newParser(src, nesting).statements() }

// statements reads every statement of p's source.
func (p *parser) statements() []Statement {
	var out []Statement
	for p.pos < len(p.toks) {
		if p.isPunct(";") || p.isPunct(")") {
			p.pos++
			continue
		}
		start := p.pos
		st := p.statement(0)
		if p.pos == start { // no progress: skip the token
			p.pos++
		}
		if st.Kind != "" {
			p.starTables(&st)
			out = append(out, st.finish(p.ctes))
		}
		out = append(out, p.extra...)
		p.extra = nil
		p.ctes, p.cteStars = map[string]bool{}, map[string][]string{}
	}
	return out
}

// newParser reads src, the body of a DO block nesting deep.
func newParser(src string, nesting int) *parser {
	toks, ns := lex(src)
	return &parser{src: src, toks: toks, notes: ns, nesting: nesting, ctes: map[string]bool{}, cteStars: map[string][]string{}}
}

type parser struct {
	src     string
	toks    []token
	notes   notes
	nesting int // of the DO block this source is the body of
	pos     int
	ctes    map[string]bool // upper-case names of the CTEs of the current statement
	// cteStars holds, by upper-case CTE name, the tables each CTE's own
	// star selects.
	cteStars map[string][]string
	// depth bounds recursion so hostile input cannot exhaust the stack.
	depth int
	// extra holds the statements of a DO block's body, found while
	// reading the DO statement.
	extra []Statement
	// parens is the run of "(" tokens subStatementAhead last measured,
	// toks[parens[0]:parens[1]]: a position inside it has the same end,
	// so that a long run is scanned once, not once per "(".
	parens [2]int
	// lookahead counts the tokens subStatementAhead examined: the tests
	// bound it by the input's length.
	lookahead int
}

const maxDepth = 200

func (p *parser) peek(k int) token {
	if p.pos+k < len(p.toks) {
		return p.toks[p.pos+k]
	}
	return token{kind: tPunct, text: ""}
}

func (p *parser) isPunct(s string) bool {
	t := p.peek(0)
	return t.kind == tPunct && t.text == s
}

func (p *parser) isKeyword(kws ...string) bool {
	u := p.peek(0).upper()
	for _, k := range kws {
		if u == k {
			return true
		}
	}
	return false
}

// skipKeywords consumes any of kws at the current position.
func (p *parser) skipKeywords(kws ...string) {
	for p.pos < len(p.toks) && p.isKeyword(kws...) {
		p.pos++
	}
}

// statement reads one statement, up to ";" or an unmatched ")" (which it
// does not consume), and returns it unfinished.
func (p *parser) statement(level int) Statement {
	var st Statement
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		p.pos = len(p.toks)
		return st
	}
	open := 0
	for p.isPunct("(") { // ( SELECT … ) UNION …
		p.pos++
		open++
	}
	if p.isKeyword("WITH") {
		p.pos++
		p.with(&st)
	}
	if p.isKeyword("EXPLAIN") {
		p.pos++
		p.skipKeywords("ANALYZE", "VERBOSE", "QUERY", "PLAN", "FORMAT")
	}
	verb := p.peek(0).upper()
	switch verb {
	case "SELECT", "VALUES", "TABLE":
		st.Kind = Select
		if verb == "TABLE" {
			p.pos++
			p.tableList(&st, Read, false)
		}
	case "INSERT", "REPLACE":
		st.Kind = Insert
		p.pos++
		p.skipKeywords("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "OR", "REPLACE", "ROLLBACK", "ABORT", "FAIL", "INTO")
		p.tableList(&st, Write, false)
		if p.isPunct("(") && !p.subStatementAhead() {
			st.Columns = append(st.Columns, p.columnList()...)
		}
	case "UPDATE":
		st.Kind = Update
		p.pos++
		p.skipKeywords("LOW_PRIORITY", "IGNORE", "ONLY", "OR", "REPLACE", "ROLLBACK", "ABORT", "FAIL")
		p.tableList(&st, Write, true)
	case "DELETE":
		st.Kind = Delete
		p.pos++
		p.skipKeywords("LOW_PRIORITY", "QUICK", "IGNORE")
		if p.isKeyword("FROM") {
			p.pos++
			p.tableList(&st, Write, true)
		} else {
			p.tableList(&st, Write, true) // MySQL: DELETE t1, t2 FROM …
		}
	case "MERGE":
		st.Kind = Merge
		p.pos++
		p.skipKeywords("INTO")
		p.tableList(&st, Write, false)
	case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME":
		p.pos++
		p.ddl(&st, verb)
	case "WHERE", "AND", "OR", "ORDER", "GROUP", "LIMIT", "SET", "FROM", "JOIN", "LEFT", "INNER", "ON", "HAVING", "RETURNING", "OFFSET":
		st.Kind = Fragment
	default:
		if isOtherVerb(verb) {
			st.Kind = Other
			for p.pos < len(p.toks) && !p.isPunct(";") {
				if body := dollarBody(p.src, p.peek(0)); verb == "DO" && body != "" && p.nesting < maxNesting {
					p.extra = append(p.extra, scanNested(plpgsqlStatements(body), p.nesting+1)...)
				}
				p.pos++
			}
			return st
		}
		if st.Kind == "" {
			st.Kind = Fragment
		}
	}
	for {
		p.body(&st, level)
		if open == 0 || !p.isPunct(")") {
			break
		}
		p.pos++
		open--
	}
	return st
}

// body reads the rest of a statement: clauses, sub-queries, the select
// list, up to ";" or an unmatched ")".
func (p *parser) body(st *Statement, level int) {
	paren := 0
	inSelect := false
	var item []token // the current select-list item at paren 0
	inSet := false
	prev := token{}
	flush := func() {
		if col := plainColumn(item); col != "" {
			st.Columns = append(st.Columns, col)
		}
		item = item[:0]
	}
	for p.pos < len(p.toks) {
		t := p.peek(0)
		if t.kind == tPunct {
			switch t.text {
			case ";":
				if paren == 0 {
					return
				}
			case "(":
				if p.subStatementAhead() {
					p.pos++
					p.sub(st, level)
					if p.isPunct(")") {
						p.pos++
					}
					prev = token{kind: tPunct, text: ")"}
					if inSelect && paren == 0 {
						item = append(item, prev, prev) // not a plain column
					}
					continue
				}
				paren++
			case ")":
				if paren == 0 {
					if inSelect {
						flush()
					}
					return
				}
				paren--
			case ",":
				if inSelect && paren == 0 {
					flush()
					prev = t
					p.pos++
					continue
				}
			case "*":
				if inSelect && paren == 0 && (prev.upper() == "SELECT" || prev.upper() == "DISTINCT" ||
					prev.upper() == "ALL" || prev.text == "," || prev.text == ".") {
					st.Star = true
					q := ""
					if prev.text == "." && p.pos >= 2 {
						q = ident(p.toks[p.pos-2])
					}
					st.stars = append(st.stars, q)
				}
			}
		}
		if t.kind == tHole && paren == 0 && !valueContext(prev) {
			st.Open = true
		}
		if paren == 0 {
			switch t.upper() {
			case "SELECT":
				inSelect, inSet = true, false
				item = item[:0]
				prev = t
				p.pos++
				p.skipKeywords("DISTINCT", "ALL", "SQL_CALC_FOUND_ROWS", "STRAIGHT_JOIN")
				if p.isKeyword("ON") { // DISTINCT ON (…)
					p.pos++
					p.skipParens()
				}
				continue
			case "FROM":
				if prev.upper() == "DISTINCT" { // IS DISTINCT FROM
					break
				}
				if inSelect {
					flush()
				}
				inSelect, inSet = false, false
				p.pos++
				acc := Read
				if st.Kind == Delete && !hasAccess(st, Write) {
					acc = Write
				}
				p.tableList(st, acc, true)
				prev = t
				continue
			case "JOIN", "STRAIGHT_JOIN":
				p.pos++
				p.skipKeywords("LATERAL")
				p.tableList(st, Read, false)
				prev = t
				continue
			case "USING":
				if st.Kind == Delete || st.Kind == Merge {
					p.pos++
					p.tableList(st, Read, st.Kind == Delete)
					prev = t
					continue
				}
			case "WHERE":
				if inSelect {
					flush()
				}
				inSelect, inSet = false, false
				st.Where = true
			case "SET":
				if st.Kind == Update {
					inSet = true
				}
			case "INTO":
				if inSelect {
					flush()
					inSelect = false
				}
			case "GROUP", "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "RETURNING", "HAVING", "WINDOW", "OFFSET", "FETCH", "FOR", "ON":
				if inSelect {
					flush()
				}
				inSelect, inSet = false, false
			}
			if inSet && (t.kind == tWord || t.kind == tQuoted) && p.peek(1).kind == tPunct && p.peek(1).text == "=" &&
				(prev.text == "," || prev.upper() == "SET") {
				st.Columns = append(st.Columns, ident(t))
			}
			if inSelect && t.upper() != "SELECT" {
				item = append(item, t)
			}
		}
		prev = t
		p.pos++
	}
	if inSelect {
		flush()
	}
}

// sub reads a parenthesised sub-statement and merges what it uses into
// st. It returns the sub-statement, its star resolved.
func (p *parser) sub(st *Statement, level int) Statement {
	s := p.statement(level + 1)
	st.Tables = append(st.Tables, s.Tables...)
	if s.DDL {
		st.DDL = true
	}
	p.starTables(&s)
	return s
}

// subStatementAhead reports whether the current "(" opens a sub-statement.
func (p *parser) subStatementAhead() bool {
	if !p.isPunct("(") {
		return false
	}
	if p.pos < p.parens[0] || p.pos >= p.parens[1] {
		end := p.pos
		for end < len(p.toks) && p.toks[end].kind == tPunct && p.toks[end].text == "(" {
			end++
			p.lookahead++
		}
		p.parens = [2]int{p.pos, end}
	}
	switch p.peek(p.parens[1] - p.pos).upper() {
	case "SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "VALUES":
		return true
	}
	return false
}

// with reads the CTE list after WITH, recording CTE names.
func (p *parser) with(st *Statement) {
	p.skipKeywords("RECURSIVE")
	for p.pos < len(p.toks) {
		t := p.peek(0)
		if t.kind != tWord && t.kind != tQuoted {
			return
		}
		p.ctes[strings.ToUpper(ident(t))] = true
		p.pos++
		if p.isPunct("(") { // column names
			p.skipParens()
		}
		if !p.isKeyword("AS") {
			return
		}
		p.pos++
		p.skipKeywords("NOT", "MATERIALIZED")
		if !p.isPunct("(") {
			return
		}
		p.pos++
		name := strings.ToUpper(ident(t))
		if s := p.sub(st, 1); s.Star {
			p.cteStars[name] = s.StarTables
		}
		if p.isPunct(")") {
			p.pos++
		}
		if !p.isPunct(",") {
			return
		}
		p.pos++
	}
}

// tableList reads one table reference, or a comma-separated list of them
// when list is set, and records them with the given access.
func (p *parser) tableList(st *Statement, acc Access, list bool) {
	for p.pos < len(p.toks) {
		p.skipKeywords("ONLY", "LATERAL")
		var ref tableRef
		if p.subStatementAhead() {
			p.pos++
			s := p.sub(st, 1)
			ref = tableRef{derived: true, star: s.StarTables}
			if p.isPunct(")") {
				p.pos++
			}
		} else {
			name, ok := p.qualifiedName()
			if !ok {
				return
			}
			if p.isPunct("(") && acc == Read { // a table function: generate_series(…)
				p.skipParens()
				ref.derived = true
			} else {
				st.Tables = append(st.Tables, Table{Name: name, Access: acc})
			}
			ref.name = name
			if p.isPunct("*") { // ONLY t *
				p.pos++
			}
		}
		ref.alias = p.alias()
		if acc == Read {
			st.refs = append(st.refs, ref)
		}
		if !list || !p.isPunct(",") {
			return
		}
		p.pos++
	}
}

// alias consumes an optional [AS] alias [(columns)].
func (p *parser) alias() string {
	if p.isKeyword("AS") {
		p.pos++
	} else if t := p.peek(0); t.kind != tQuoted && (t.kind != tWord || isReserved(t.upper())) {
		return ""
	}
	if t := p.peek(0); t.kind == tWord || t.kind == tQuoted {
		p.pos++
		if p.isPunct("(") {
			p.skipParens()
		}
		return ident(t)
	}
	return ""
}

// qualifiedName reads name(.name)* and returns its normalised form.
func (p *parser) qualifiedName() (string, bool) {
	var parts []string
	for {
		t := p.peek(0)
		if t.kind == tWord && !isReserved(t.upper()) || t.kind == tQuoted && t.text != "" {
			parts = append(parts, ident(t))
			p.pos++
		} else {
			break
		}
		if !p.isPunct(".") {
			break
		}
		p.pos++
		if p.peek(0).kind == tHole {
			return "", false // schema.<hole>: the table is not known
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, "."), true
}

// skipParens skips a balanced parenthesised group at the current position.
func (p *parser) skipParens() {
	if !p.isPunct("(") {
		return
	}
	n := 0
	for p.pos < len(p.toks) {
		t := p.peek(0)
		p.pos++
		if t.kind != tPunct {
			continue
		}
		switch t.text {
		case "(":
			n++
		case ")":
			n--
			if n == 0 {
				return
			}
		case ";":
			p.pos--
			return
		}
	}
}

// columnList reads (a, b, "c") and returns the plain names.
func (p *parser) columnList() []string {
	var cols []string
	p.pos++ // (
	for p.pos < len(p.toks) && !p.isPunct(")") && !p.isPunct(";") {
		t := p.peek(0)
		if (t.kind == tWord || t.kind == tQuoted) && (p.peek(1).text == "," || p.peek(1).text == ")") && p.peek(1).kind == tPunct {
			cols = append(cols, ident(t))
		}
		if t.kind == tPunct && t.text == "(" {
			p.skipParens()
			continue
		}
		p.pos++
	}
	if p.isPunct(")") {
		p.pos++
	}
	return cols
}

// ddl reads CREATE, ALTER, DROP, TRUNCATE and RENAME statements.
func (p *parser) ddl(st *Statement, verb string) {
	st.Kind = Kind(strings.ToLower(verb))
	st.DDL = verb != "TRUNCATE"
	if verb == "TRUNCATE" {
		p.skipKeywords("TABLE", "ONLY")
		p.tableList(st, Write, true)
		p.body(st, 0)
		return
	}
	start := p.pos
	p.skipKeywords("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "UNIQUE", "MATERIALIZED", "VIRTUAL", "RECURSIVE")
	for _, t := range p.toks[start:p.pos] {
		st.Temporary = st.Temporary || t.upper() == "TEMP" || t.upper() == "TEMPORARY"
	}
	object := p.peek(0).upper()
	switch object {
	case "TABLE", "VIEW":
		p.pos++
		p.skipKeywords("IF", "NOT", "EXISTS", "ONLY")
		if verb == "DROP" {
			p.tableList(st, DDL, true)
			break
		}
		if verb == "RENAME" { // MySQL: RENAME TABLE a TO b, c TO d
			var names []string
			for {
				name, ok := p.qualifiedName()
				if !ok {
					break
				}
				names = append(names, name)
				st.Tables = append(st.Tables, Table{Name: name, Access: DDL})
				if !p.isKeyword("TO") && !p.isPunct(",") {
					break
				}
				p.pos++
			}
			for i := 0; i+1 < len(names); i += 2 {
				st.Renames = append(st.Renames, Renaming{From: names[i], To: names[i+1]})
			}
			break
		}
		name, ok := p.qualifiedName()
		if !ok {
			break
		}
		st.Tables = append(st.Tables, Table{Name: name, Access: DDL})
		if verb == "CREATE" && object == "TABLE" && p.isPunct("(") && !p.subStatementAhead() {
			st.Defined = append(st.Defined, p.columnDefs()...)
		}
		if verb == "CREATE" && object == "VIEW" && p.isPunct("(") && !p.subStatementAhead() {
			p.skipParens() // the view's column names
		}
		if verb == "CREATE" && p.isKeyword("AS") && p.peek(1).upper() == "WITH" {
			// CREATE VIEW v AS WITH x AS (…) SELECT … FROM x: x is no table.
			p.pos += 2
			p.with(st)
		}
		if verb == "ALTER" {
			p.alterTable(st, name)
		}
	case "INDEX":
		p.pos++
		p.skipKeywords("CONCURRENTLY", "IF", "NOT", "EXISTS")
		if !p.isKeyword("ON") {
			p.qualifiedName()
		}
		if p.isKeyword("ON") {
			p.pos++
			p.skipKeywords("ONLY")
			if name, ok := p.qualifiedName(); ok && verb == "CREATE" {
				st.Tables = append(st.Tables, Table{Name: name, Access: DDL})
			}
		}
	}
	p.body(st, 0)
}

// alterTable reads the ALTER TABLE actions that add and drop columns and
// rename the table.
func (p *parser) alterTable(st *Statement, table string) {
	for p.pos < len(p.toks) && !p.isPunct(";") && !p.isPunct(")") {
		if p.isKeyword("DROP") && (p.pos == 0 || p.toks[p.pos-1].text == "," || p.toks[p.pos-1].kind == tWord || p.toks[p.pos-1].kind == tQuoted) {
			p.pos++
			p.skipKeywords("COLUMN", "IF", "EXISTS")
			if p.isKeyword("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "KEY", "DEFAULT", "NOT", "PARTITION", "IDENTITY", "EXPRESSION") {
				continue
			}
			if t := p.peek(0); t.kind == tWord || t.kind == tQuoted {
				st.Dropped = append(st.Dropped, ident(t))
				p.pos++
			}
			continue
		}
		if p.isKeyword("RENAME") && (p.peek(1).upper() == "TO" || p.peek(1).upper() == "AS") {
			p.pos += 2
			if name, ok := p.qualifiedName(); ok {
				st.Renames = append(st.Renames, Renaming{From: table, To: name})
				st.Tables = append(st.Tables, Table{Name: name, Access: DDL})
			}
			continue
		}
		if p.isKeyword("ADD") {
			p.pos++
			p.skipKeywords("COLUMN", "IF", "NOT", "EXISTS")
			if p.isKeyword("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "KEY") {
				continue
			}
			start := p.pos
			if c, ok := p.columnDef(); ok {
				c.JSON = p.notesMention(start, p.pos+1, "json")
				st.Defined = append(st.Defined, c)
			}
			continue
		}
		p.pos++
	}
}

// columnDefs reads the parenthesised column definitions of CREATE TABLE.
func (p *parser) columnDefs() []Column {
	var cols []Column
	p.pos++ // (
	for p.pos < len(p.toks) && !p.isPunct(";") {
		if p.isPunct(")") {
			p.pos++
			return cols
		}
		if p.isKeyword("CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "KEY", "INDEX", "EXCLUDE", "LIKE", "FULLTEXT", "SPATIAL", "PERIOD") {
			p.skipItem()
			continue
		}
		start := p.pos
		c, ok := p.columnDef()
		p.skipItem()
		if ok {
			c.JSON = p.notesMention(start, p.pos, "json")
			cols = append(cols, c)
		}
	}
	return cols
}

// notesMention reports whether a comment on the tokens toks[from:to]
// mentions word, in any case.
func (p *parser) notesMention(from, to int, word string) bool {
	for _, t := range p.toks[from:min(to, len(p.toks))] {
		if note := p.notes[t.start]; note != "" && strings.Contains(strings.ToLower(note), word) {
			return true
		}
	}
	return false
}

// columnDef reads "name type…" and stops at the first constraint keyword.
func (p *parser) columnDef() (Column, bool) {
	t := p.peek(0)
	if t.kind != tWord && t.kind != tQuoted {
		return Column{}, false
	}
	p.pos++
	var typ []string
	for p.pos < len(p.toks) {
		u := p.peek(0)
		if u.kind == tPunct && u.text == "(" {
			start := p.pos
			p.skipParens()
			var b strings.Builder
			for _, x := range p.toks[start:p.pos] {
				b.WriteString(strings.ToLower(x.text))
			}
			typ = append(typ, b.String())
			continue
		}
		if u.kind == tPunct && u.text == "[" {
			typ = append(typ, "[]")
			p.pos++
			if p.isPunct("]") {
				p.pos++
			}
			continue
		}
		if u.kind != tWord || isColumnStop(u.upper()) {
			break
		}
		typ = append(typ, strings.ToLower(u.text))
		p.pos++
	}
	return Column{Name: ident(t), Type: strings.NewReplacer(" (", "(", " [", "[").Replace(strings.Join(typ, " "))}, true
}

// skipItem skips to the next top-level "," (consumed) or ")" (not consumed).
func (p *parser) skipItem() {
	for p.pos < len(p.toks) {
		switch {
		case p.isPunct("("):
			p.skipParens()
		case p.isPunct(","):
			p.pos++
			return
		case p.isPunct(")"), p.isPunct(";"):
			return
		default:
			p.pos++
		}
	}
}

// finish sorts and deduplicates the tables and drops CTE names and the
// catalogue.
func (st Statement) finish(ctes map[string]bool) Statement {
	seen := map[Table]bool{}
	var ts []Table
	for _, t := range st.Tables {
		if ctes[strings.ToUpper(t.Name)] || seen[t] || Catalogue(t.Name) {
			continue
		}
		seen[t] = true
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].Name != ts[j].Name {
			return ts[i].Name < ts[j].Name
		}
		return ts[i].Access < ts[j].Access
	})
	st.Tables = ts
	st.refs, st.stars = nil, nil
	return st
}

// Catalogue reports whether a normalised table name ("information_schema.columns",
// "pg_class") names the database's own catalogue rather than a table of
// the application: the information_schema and pg_catalog views, the
// PostgreSQL system tables and views (pg_*, unqualified or in pg_catalog),
// the tables SQLite reserves (sqlite_master, sqlite_schema, sqlite_sequence,
// every sqlite_* name), and the MySQL system schemas (mysql.*,
// performance_schema.*, sys.*). Names compare case-insensitively.
func Catalogue(name string) bool {
	n := strings.ToLower(name)
	schema, table, qualified := "", n, false
	if i := strings.LastIndexByte(n, '.'); i >= 0 {
		schema, table, qualified = n[:i], n[i+1:], true
		if j := strings.LastIndexByte(schema, '.'); j >= 0 { // db.schema.table
			schema = schema[j+1:]
		}
	}
	switch schema {
	case "information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema", "sys":
		return true
	}
	if strings.HasPrefix(table, "sqlite_") { // SQLite reserves the prefix in every schema
		return true
	}
	return !qualified && strings.HasPrefix(table, "pg_")
}

func hasAccess(st *Statement, a Access) bool {
	for _, t := range st.Tables {
		if t.Access == a {
			return true
		}
	}
	return false
}

// ident returns the normalised name of a word or quoted identifier:
// unquoted names fold to lower case, quoted ones keep their case.
func ident(t token) string {
	if t.kind == tQuoted {
		return t.text
	}
	return strings.ToLower(t.text)
}

// plainColumn returns the column named by a select-list item made of a
// plain (qualified) identifier with an optional alias, or "".
func plainColumn(item []token) string {
	n := len(item)
	// Drop an alias: "x AS y" or "x y".
	if n >= 3 && item[n-2].upper() == "AS" {
		n -= 2
	} else if n == 2 && item[1].kind == tWord || n == 4 && item[3].kind == tWord && item[2].kind == tWord {
		n--
	}
	item = item[:n]
	if n == 0 || n%2 == 0 {
		return ""
	}
	for i, t := range item {
		if i%2 == 1 {
			if t.kind != tPunct || t.text != "." {
				return ""
			}
			continue
		}
		if t.kind != tQuoted && (t.kind != tWord || isReserved(t.upper())) {
			return ""
		}
	}
	return ident(item[n-1])
}

// valueContext reports whether a hole after prev stands for a value
// rather than a clause.
func valueContext(prev token) bool {
	if prev.kind == tPunct {
		switch prev.text {
		case "=", "<", ">", "<=", ">=", "<>", "!=", "(", ",", "+", "-", "*", "/", "||", "::":
			return true
		}
	}
	switch prev.upper() {
	case "LIKE", "ILIKE", "IN", "VALUES", "LIMIT", "OFFSET", "AND", "OR", "NOT", "IS", "BETWEEN", "SELECT", "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "BY", "ON":
		return true
	}
	return false
}

// isOtherVerb reports whether the upper-case word u starts a statement
// that uses no table the scanner follows (transactions, settings, …).
func isOtherVerb(u string) bool {
	switch u {
	case "BEGIN", "COMMIT", "ROLLBACK", "SHOW", "PRAGMA", "VACUUM", "ANALYZE", "LOCK", "UNLOCK", "GRANT", "REVOKE",
		"CALL", "DO", "COPY", "LISTEN", "NOTIFY", "UNLISTEN", "START", "SAVEPOINT", "RELEASE", "USE", "DESCRIBE", "DESC",
		"DECLARE", "EXECUTE", "EXEC", "PREPARE", "DEALLOCATE", "REFRESH", "CLUSTER", "REINDEX", "COMMENT", "LOAD",
		"ATTACH", "DETACH", "END", "ABORT", "RESET", "DISCARD", "CHECKPOINT", "FLUSH", "OPTIMIZE", "KILL", "HANDLER",
		"GO", "IF", "FETCH", "CLOSE", "MOVE", "SECURITY", "IMPORT", "REASSIGN":
		return true
	}
	return false
}

// isReserved reports whether the upper-case word u is a keyword that
// cannot be a table name or an alias.
func isReserved(u string) bool {
	switch u {
	case "SELECT", "FROM", "WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS", "NATURAL", "ON", "USING", "GROUP", "ORDER", "LIMIT", "OFFSET", "HAVING", "UNION", "EXCEPT", "INTERSECT", "SET", "VALUES", "RETURNING", "FOR", "WINDOW", "FETCH", "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "END", "AS", "INTO", "STRAIGHT_JOIN", "DEFAULT", "LATERAL", "ONLY", "WITH", "INSERT", "UPDATE", "DELETE", "CASE", "IS", "NULL", "IN", "BY", "DO", "CONFLICT", "LOCK", "MINUS", "QUALIFY", "PARTITION", "USE", "FORCE", "IGNORE", "TABLESAMPLE", "OVERRIDING", "OUTPUT":
		return true
	}
	return false
}

// isColumnStop reports whether the upper-case word u ends the type of a
// column definition.
func isColumnStop(u string) bool {
	switch u {
	case "NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES", "UNIQUE", "CHECK", "CONSTRAINT", "GENERATED", "COLLATE", "AUTO_INCREMENT", "AUTOINCREMENT", "ON", "COMMENT", "IDENTITY", "KEY", "AS", "CHARACTER", "CHARSET", "STORED", "VIRTUAL", "INVISIBLE", "VISIBLE", "ENCODE", "COMPRESSION":
		return true
	}
	return false
}
