package report

import (
	"strconv"
	"strings"
)

// This file holds the escaping of strings that came from the analysed
// code (identifiers, SQL, paths, routes, messages, component and table
// names) for each output language that is not escaped by a library:
// Markdown, Mermaid, DOT, GitHub workflow commands and SARIF message
// text. HTML is escaped by html/template; JSON, and SARIF as JSON, by
// encoding/json.

// oneLine replaces line breaks with spaces and shows other control
// characters as Go escapes (see Sanitize): a string from analysed code
// never starts a line of its own in a line-oriented format.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n\u2028\u2029\u0085") {
		s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\u2028", " ", "\u2029", " ", "\u0085", " ").Replace(s)
	}
	return Sanitize(s)
}

// mdSpecial are the ASCII punctuation characters that may start Markdown
// (CommonMark and GitHub's extensions) syntax inside a line: emphasis,
// code, links, images, raw HTML and entities, headings, tables,
// strikethrough, mentions, autolinks and math. A backslash escapes any
// of them.
const mdSpecial = "\\`*_{}[]()<>#+!|~&@:.$"

// md escapes s for Markdown text, including table cells: every special
// character is backslash-escaped and the string is kept on one line.
func md(s string) string {
	s = oneLine(s)
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sarifSpecial are the characters that SARIF 2.1.0 reads as syntax in
// a plain text message: braces (placeholders, §3.11.5) and brackets and
// the backslash (embedded links, §3.11.6).
const sarifSpecial = `{}[]\`

// sarifText escapes s as a SARIF 2.1.0 plain text message string: the
// text of a message object or of a multiformatMessageString (§3.12.3).
// A consumer replaces {0} with the message's first argument and requires
// literal braces to be written {{ and }} (§3.11.5), so every brace is
// doubled. It shows [text](target) as a link (§3.11.6), whose link text
// writes a literal [, ] or \ with a backslash before it; these three are
// escaped the same way everywhere in the message, as CodeQL does, so that
// no bracket from analysed code can open or close a link and no
// backslash can escape the character after it. Decoding reads \x as x
// and {{ and }} as { and }.
func sarifText(s string) string {
	if !strings.ContainsAny(s, sarifSpecial) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	// Byte by byte: the special characters are ASCII, so they never occur
	// inside a multi-byte UTF-8 sequence, and other bytes are copied as
	// they are.
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '}':
			b.WriteByte(c)
			b.WriteByte(c)
		case '[', ']', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mermaidLabel quotes s as a Mermaid node label. Inside the quotes,
// every character that Mermaid or the Markdown fence around it could
// read as syntax is written as a Mermaid entity code (#35; for #).
func mermaidLabel(s string) string {
	return quoteLine(s, func(r rune) string {
		if r < 0x80 && strings.ContainsRune("\"#&<>[](){}|`%;\\", r) {
			return "#" + strconv.Itoa(int(r)) + ";"
		}
		return ""
	})
}

// dotString quotes s as a DOT string. The characters that DOT or
// Graphviz would interpret (quotes, backslash escapes such as \n or \N,
// and HTML entities, which Graphviz expands in every label) are written
// as HTML character references, which Graphviz turns back into the
// characters when it draws the label (checked with dot 2.43 and later).
func dotString(s string) string {
	return quoteLine(s, func(r rune) string {
		switch r {
		case '\\':
			// Graphviz decodes the reference, then reads backslash
			// escapes (\n, \l, \N…): a literal backslash takes two.
			return "&#92;&#92;"
		case '"', '&', '<', '>', '{', '}', '|':
			return "&#" + strconv.Itoa(int(r)) + ";"
		}
		return ""
	})
}

// quoteLine puts s, made one line, in double quotes, each rune written
// as escape gives it ("": as it is).
func quoteLine(s string, escape func(rune) string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range oneLine(s) {
		if e := escape(r); e != "" {
			b.WriteString(e)
		} else {
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ghData escapes s as the data (message) of a GitHub workflow command.
// The runner decodes %25, %0D and %0A; other control characters are
// shown as Go escapes so that they do not reach the log viewer.
func ghData(s string) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
	return Sanitize(s)
}

// ghProperty escapes s as the value of a workflow command property
// (file, title): as data, and also ':' and ',' which end a property.
func ghProperty(s string) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
	return Sanitize(s)
}

// mdParagraphs escapes s for Markdown like md, keeping its paragraphs
// (blank-line separated) apart.
func mdParagraphs(s string) string {
	var paras []string
	for p := range strings.SplitSeq(strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, md(p))
		}
	}
	return strings.Join(paras, "\n\n")
}

// mdCode shows s as inline code when it is a plain identifier (a rule
// id), else as escaped text: a code span cannot escape a backtick or,
// in a table, a pipe.
func mdCode(s string) string {
	plain := func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-_/", r)
	}
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return !plain(r) }) {
		return md(s)
	}
	return "`" + s + "`"
}

// mapStrings returns a deep copy of r with f applied to every string
// that may have come from the analysed code.
func mapStrings(r *Report, f func(string) string) *Report {
	out := *r
	out.Tool, out.Stage, out.Policy = f(r.Tool), f(r.Stage), f(r.Policy)
	out.Decisions = make([]Decision, len(r.Decisions))
	for i, d := range r.Decisions {
		d.Rule, d.Class, d.Breakdown, d.File, d.Message = f(d.Rule), f(d.Class), f(d.Breakdown), f(d.File), f(d.Message)
		d.Component, d.Package, d.Subject, d.Fingerprint, d.Reason = f(d.Component), f(d.Package), f(d.Subject), f(d.Fingerprint), f(d.Reason)
		factors := make([]Factor, len(d.Factors))
		for j, x := range d.Factors {
			factors[j] = Factor{Name: f(x.Name), Value: x.Value, Why: f(x.Why)}
		}
		d.Factors = factors
		related := make([]Location, len(d.Related))
		for j, l := range d.Related {
			related[j] = Location{File: f(l.File), Line: l.Line, Column: l.Column, Message: f(l.Message)}
		}
		if d.Related == nil {
			related = nil
		}
		d.Related = related
		out.Decisions[i] = d
	}
	strs := func(ss []string) []string {
		if ss == nil {
			return nil
		}
		o := make([]string, len(ss))
		for i, s := range ss {
			o[i] = f(s)
		}
		return o
	}
	out.Components = make([]Component, len(r.Components))
	for i, c := range r.Components {
		c.Name, c.Criticality, c.Packages, c.Implicit = f(c.Name), f(c.Criticality), strs(c.Packages), strs(c.Implicit)
		out.Components[i] = c
	}
	out.Inventory.Tables = make([]Table, len(r.Inventory.Tables))
	for i, t := range r.Inventory.Tables {
		t.Name, t.Store, t.Components, t.Packages = f(t.Name), f(t.Store), strs(t.Components), strs(t.Packages)
		sites := make([]SiteRef, len(t.Sites))
		for j, s := range t.Sites {
			sites[j] = SiteRef{File: f(s.File), Line: s.Line, Kind: f(s.Kind)}
		}
		t.Sites = sites
		out.Inventory.Tables[i] = t
	}
	out.Inventory.Routes = make([]Route, len(r.Inventory.Routes))
	for i, rt := range r.Inventory.Routes {
		rt.Method, rt.Host, rt.Path, rt.Kind = f(rt.Method), f(rt.Host), f(rt.Path), f(rt.Kind)
		rt.Component, rt.Package, rt.File = f(rt.Component), f(rt.Package), f(rt.File)
		out.Inventory.Routes[i] = rt
	}
	out.Inventory.ProtoPackages = make([]ProtoPackage, len(r.Inventory.ProtoPackages))
	for i, pp := range r.Inventory.ProtoPackages {
		pp.Package, pp.File, pp.Services = f(pp.Package), f(pp.File), strs(pp.Services)
		out.Inventory.ProtoPackages[i] = pp
	}
	out.Inventory.Dependencies = make([]Edge, len(r.Inventory.Dependencies))
	for i, e := range r.Inventory.Dependencies {
		e.From, e.To = f(e.From), f(e.To)
		out.Inventory.Dependencies[i] = e
	}
	out.Problems = make([]Problem, len(r.Problems))
	for i, p := range r.Problems {
		p.Kind, p.Package, p.File, p.Message = f(p.Kind), f(p.Package), f(p.File), f(p.Message)
		out.Problems[i] = p
	}
	return &out
}

// MarkdownText escapes s for Markdown text and table cells (see md), for
// other documents that render strings from analysed code as Markdown.
func MarkdownText(s string) string { return md(s) }

// MarkdownCode shows s as inline code when it is a plain identifier, else
// as escaped text (see mdCode).
func MarkdownCode(s string) string { return mdCode(s) }
