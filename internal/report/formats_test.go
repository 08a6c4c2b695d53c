package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// formats are the renderers of a whole report, for the tests that run
// every one of them.
var formats = []struct {
	name   string
	render func(w io.Writer, r *Report) error
}{
	{"text", func(w io.Writer, r *Report) error { return Text(w, r, TextOptions{}) }},
	{"json", JSON},
	{"sarif", func(w io.Writer, r *Report) error { return SARIF(w, r, catalogue()) }},
	{"github", func(w io.Writer, r *Report) error { return GitHub(w, nil, r, MarkdownOptions{}) }},
	{"github-summary", func(w io.Writer, r *Report) error { return GitHub(io.Discard, w, r, MarkdownOptions{}) }},
	{"markdown", func(w io.Writer, r *Report) error { return Markdown(w, r, MarkdownOptions{}) }},
	{"markdown-links", func(w io.Writer, r *Report) error { return Markdown(w, r, testLinks) }},
	{"html", HTML},
	{"dot", DOT},
	{"checkstyle", Checkstyle},
	{"junit", JUnit},
	{"gitlab", GitLab},
}

func render(t *testing.T, name string, r *Report) string {
	t.Helper()
	for _, f := range formats {
		if f.name == name {
			var b bytes.Buffer
			if err := f.render(&b, r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return b.String()
		}
	}
	t.Fatalf("no format %s", name)
	return ""
}

func TestMarkdown(t *testing.T) {
	golden(t, "full.md", []byte(render(t, "markdown", full())))
}

var testLinks = MarkdownOptions{Link: GitHubLinks("https://github.com", "acme/shop", "0123456789abcdef0123456789abcdef01234567")}

// TestMarkdownLinks: with links, each location is its inline code linked
// to its line at the commit, and nothing else changes.
func TestMarkdownLinks(t *testing.T) {
	plain, linked := render(t, "markdown", full()), render(t, "markdown-links", full())
	const commit = "https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/"
	n := 0
	for _, d := range full().Decisions {
		loc := mdLocation(d.File, d.Line, d.Column)
		link := "[" + loc + "](" + commit + d.File + "#L" + strconv.Itoa(d.Line) + ")"
		if !strings.Contains(linked, link) {
			t.Errorf("no link %s in:\n%s", link, linked)
		}
		n++
	}
	if n == 0 {
		t.Fatal("the report has no decisions")
	}
	unlinked := regexp.MustCompile(`\[(`+"`[^`]*`"+`|[^\]]*)\]\(`+regexp.QuoteMeta(commit)+`[^)]*\)`).ReplaceAllString(linked, "$1")
	if unlinked != plain {
		pl, ul := strings.Split(plain, "\n"), strings.Split(unlinked, "\n")
		for i := range min(len(pl), len(ul)) {
			if pl[i] != ul[i] {
				t.Fatalf("without its links, the linked Markdown is not the plain one; line %d:\n%s\nwant:\n%s", i+1, ul[i], pl[i])
			}
		}
		t.Errorf("without its links, the linked Markdown has %d lines, the plain one %d", len(ul), len(pl))
	}
}

func TestGitHubLinks(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	link := GitHubLinks("https://ghe.example.com/", "acme/shop.go", sha)
	for file, want := range map[string]string{
		"billing/billing.go": "https://ghe.example.com/acme/shop.go/blob/" + sha + "/billing/billing.go#L7",
		"a b/x(1)&y[2].go":   "https://ghe.example.com/acme/shop.go/blob/" + sha + "/a%20b/x%281%29%26y%5B2%5D.go#L7",
		"../outside/x.go":    "",
		"/abs/x.go":          "",
	} {
		if got := link(file, 7); got != want {
			t.Errorf("link(%q) = %q, want %q", file, got, want)
		}
	}
	for _, bad := range [][3]string{
		{"", "acme/shop", sha},
		{"javascript:alert(1)", "acme/shop", sha},
		{"https://github.com", "acme", sha},
		{"https://github.com", "acme/shop/x", sha},
		{"https://github.com", "acme/sh op", sha},
		{"https://github.com", "acme/shop", "HEAD"},
		{"https://github.com", "acme/shop", ""},
	} {
		if GitHubLinks(bad[0], bad[1], bad[2]) != nil {
			t.Errorf("GitHubLinks%q gives links, want none", bad)
		}
	}
}

func TestCheckstyle(t *testing.T) {
	golden(t, "full.checkstyle.xml", []byte(render(t, "checkstyle", full())))
}

func TestJUnit(t *testing.T) {
	golden(t, "full.junit.xml", []byte(render(t, "junit", full())))
}

func TestGitLab(t *testing.T) {
	golden(t, "full.gitlab.json", []byte(render(t, "gitlab", full())))
}

func TestDOT(t *testing.T) {
	golden(t, "full.dot", []byte(render(t, "dot", full())))
}

func TestHTML(t *testing.T) {
	golden(t, "full.html", []byte(render(t, "html", full())))
}

func TestGitHub(t *testing.T) {
	var ann, sum bytes.Buffer
	if err := GitHub(&ann, &sum, full(), MarkdownOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "full.github.txt", ann.Bytes())
	if want := render(t, "markdown", full()); sum.String() != want {
		t.Errorf("the step summary is not the Markdown report:\n%s", sum.String())
	}
}

// TestDeterministic renders a report and a shuffled copy of it, put back
// in order with Sort, in every format: the bytes must be the same.
func TestDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 5 {
		r := full()
		rng.Shuffle(len(r.Decisions), func(i, j int) { r.Decisions[i], r.Decisions[j] = r.Decisions[j], r.Decisions[i] })
		rng.Shuffle(len(r.Components), func(i, j int) { r.Components[i], r.Components[j] = r.Components[j], r.Components[i] })
		deps := r.Inventory.Dependencies
		rng.Shuffle(len(deps), func(i, j int) { deps[i], deps[j] = deps[j], deps[i] })
		r.Sort()
		for _, f := range formats {
			if got, want := render(t, f.name, r), render(t, f.name, full()); got != want {
				t.Errorf("shuffle %d: %s output depends on the input order", i, f.name)
			}
		}
	}
}

// TestEmpty renders a report with nothing in it in every format.
func TestEmpty(t *testing.T) {
	for _, f := range formats {
		var b bytes.Buffer
		if err := f.render(&b, &Report{Version: SchemaVersion}); err != nil {
			t.Errorf("%s: %v", f.name, err)
		}
		if b.Len() == 0 && f.name != "github-summary" {
			t.Errorf("%s: no output for an empty report", f.name)
		}
	}
}

func TestGitHubLimits(t *testing.T) {
	cases := []struct {
		name                 string
		reason               string
		invest, cheap, probs int
		errors, notices      int
		warnings             int
		trailer              string
	}{
		{"few", "under the limits everything is shown and nothing is said about it", 3, 4, 1, 3, 4, 1, ""},
		{"many", "ten of each kind, one notice slot kept to say what was left out", 25, 15, 0, 10, 10, 0, "15 errors, 6 notices not shown"},
		{"errors only", "when only errors overflow, the notices still leave room for the trailer", 12, 10, 0, 10, 10, 0, "2 errors, 1 notices not shown"},
		{"warnings", "problems are warnings, capped too", 0, 0, 12, 0, 1, 10, "2 warnings not shown"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := &Report{Version: SchemaVersion, Threshold: 40}
			for i := range tc.invest {
				r.Decisions = append(r.Decisions, Decision{Rule: "data.shared-table", Class: InvestNow, Cost: 100 + i, File: "a.go", Line: i + 1, Message: fmt.Sprintf("invest %d", i)})
			}
			for i := range tc.cheap {
				r.Decisions = append(r.Decisions, Decision{Rule: "data.select-star", Class: CheapLater, Cost: 10 + i, File: "b.go", Line: i + 1, Message: fmt.Sprintf("cheap %d", i)})
			}
			r.Decisions = append(r.Decisions, Decision{Rule: "data.schema-in-code", Class: Accepted, Cost: 50, File: "c.go", Line: 1, Message: "accepted", Reason: "ok"})
			for i := range tc.probs {
				r.Problems = append(r.Problems, Problem{Kind: DirectiveProblem, File: "d.go", Line: i + 1, Message: "bad directive"})
			}
			r.Sort()
			var b bytes.Buffer
			if err := GitHub(&b, io.Discard, r, MarkdownOptions{}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			count := func(kind string) int {
				return strings.Count(out, "\n::"+kind+" ") + strings.Count(out, "\n::"+kind+"::")
			}
			out = "\n" + out
			if got := count("error"); got != tc.errors {
				t.Errorf("%d errors, want %d (%s)", got, tc.errors, tc.reason)
			}
			if got := count("warning"); got != tc.warnings {
				t.Errorf("%d warnings, want %d (%s)", got, tc.warnings, tc.reason)
			}
			if got := count("notice"); got != tc.notices {
				t.Errorf("%d notices, want %d (%s)", got, tc.notices, tc.reason)
			}
			if tc.trailer == "" && strings.Contains(out, "not shown") {
				t.Errorf("a trailer although nothing was left out (%s):\n%s", tc.reason, out)
			}
			if tc.trailer != "" && !strings.Contains(out, tc.trailer) {
				t.Errorf("no trailer %q (%s):\n%s", tc.trailer, tc.reason, out)
			}
			if strings.Contains(out, "accepted") && strings.Contains(out, "::notice file=c.go") {
				t.Error("an accepted decision was annotated")
			}
			if tc.invest > 10 && !strings.Contains(out, fmt.Sprintf("invest %d", tc.invest-1)) {
				t.Errorf("the most expensive invest-now decision is not among the annotations:\n%s", out)
			}
		})
	}
}

func TestGitHubEscaping(t *testing.T) {
	cases := []struct {
		name, in, data, prop, reason string
	}{
		{"plain", "a b", "a b", "a b", "nothing to escape"},
		{"percent", "100%", "100%25", "100%25", "% starts an escape, so it is escaped first"},
		{"escaped newline", "%0A", "%250A", "%250A", "a literal %0A must not turn into a line break"},
		{"newline", "a\r\nb", "a%0D%0Ab", "a%0D%0Ab", "a line break would end the command"},
		{"colon comma", "a:b,c", "a:b,c", "a%3Ab%2Cc", "colon and comma end a property, not data"},
		{"double colon", "x::error::y", "x::error::y", "x%3A%3Aerror%3A%3Ay", "in a property :: would end the properties"},
		{"escape sequence", "\x1b[2J", `\x1b[2J`, `\x1b[2J`, "control characters do not reach the log viewer"},
	}
	for _, tc := range cases {
		if got := ghData(tc.in); got != tc.data {
			t.Errorf("%s: ghData(%q) = %q, want %q (%s)", tc.name, tc.in, got, tc.data, tc.reason)
		}
		if got := ghProperty(tc.in); got != tc.prop {
			t.Errorf("%s: ghProperty(%q) = %q, want %q (%s)", tc.name, tc.in, got, tc.prop, tc.reason)
		}
	}
}

func TestMarkdownEscaping(t *testing.T) {
	cases := []struct{ name, in, want, reason string }{
		{"plain", "orders", "orders", "nothing to escape"},
		{"html", "<b>", `\<b\>`, "raw HTML must not render"},
		{"pipe", "a|b", `a\|b`, "a pipe would split a table cell"},
		{"newline", "a\nb", "a b", "a line break would end a table row or list item"},
		{"mention", "@team", `\@team`, "no notifications from a comment"},
		{"link", "[x](y)", `\[x\]\(y\)`, "no links"},
		{"code", "`x`", "\\`x\\`", "no code spans that could swallow the rest"},
		{"math", "$x$", `\$x\$`, "GitHub renders $…$ as math"},
	}
	for _, tc := range cases {
		if got := md(tc.in); got != tc.want {
			t.Errorf("%s: md(%q) = %q, want %q (%s)", tc.name, tc.in, got, tc.want, tc.reason)
		}
	}
}

// TestHostile feeds strings that try to break out of every format
// through every renderer and checks that none survives raw.
func TestHostile(t *testing.T) {
	r := hostileReport()
	rawEverywhere := []string{"\x1b"}
	cases := []struct {
		format string
		reason string
		banned []string
		// check checks the output's structure and returns what is left
		// to search for banned strings (its own syntax taken out).
		check func(t *testing.T, out string) string
	}{
		{format: "html", reason: "html/template escapes every string; the page's own script has no alert",
			banned: []string{"<script>alert", "-->", `"]`}},
		{format: "markdown", reason: "Markdown special characters are backslash-escaped, Mermaid labels use entity codes",
			banned: []string{"<script>", "-->", "`x`", `"]`, "[a](", " @team", "$x$", "\n# heading", "\n::error"},
			check:  checkMarkdown},
		{format: "markdown-links", reason: "link texts are escaped as without links; addresses are percent-encoded",
			banned: []string{"<script>", "-->", "`x`", `"]`, "[a](", " @team", "$x$", "\n# heading", "\n::error"},
			check:  checkMarkdown},
		{format: "github-summary", reason: "the step summary is the Markdown report",
			banned: []string{"<script>", "-->", "`x`", `"]`, "[a](", " @team"},
			check:  checkMarkdown},
		{format: "dot", reason: "labels are quoted, with quotes, backslashes and entities as character references",
			banned: []string{"<script>"},
			check:  checkDOT},
		{format: "github", reason: "data escapes %, CR and LF; properties also : and ,",
			banned: []string{"%0A ::", "\n::error::injected"},
			check:  checkAnnotations},
		{format: "sarif", reason: "JSON escapes quotes, control characters and HTML characters",
			banned: []string{"<script>", "\n::"}},
		{format: "checkstyle", reason: "encoding/xml escapes markup; the document parses",
			banned: []string{"<script>"}, check: checkXML},
		{format: "junit", reason: "encoding/xml escapes markup; the document parses",
			banned: []string{"<script>"}, check: checkXML},
		{format: "gitlab", reason: "JSON escapes quotes, control characters and HTML characters",
			banned: []string{"<script>", "\n::"}, check: checkJSON},
		{format: "text", reason: "line breaks and escape sequences are shown as Go escapes",
			banned: []string{"\n::error::injected", "\n# heading"}},
	}
	for _, tc := range cases {
		t.Run(tc.format, func(t *testing.T) {
			out := render(t, tc.format, r)
			if tc.check != nil {
				out = tc.check(t, out)
			}
			for _, b := range append(tc.banned, rawEverywhere...) {
				if i := strings.Index(out, b); i >= 0 {
					t.Errorf("%q survives raw in %s output (%s), at:\n%s", b, tc.format, tc.reason, excerpt(out, i))
				}
			}
		})
	}
}

func excerpt(s string, i int) string {
	return s[max(0, i-80):min(len(s), i+80)]
}

var mermaidLine = regexp.MustCompile(`^(graph LR|  c\d+\["[^"\[\]<>` + "`" + `|]*"\]|  c\d+ (-->|==>)\|"\d+ sites?"\| c\d+|  classDef \w+ [a-z:#0-9,-]+|  class (c\d+,)*c\d+ \w+|  linkStyle [0-9,]+ [a-z:#0-9,-]+)$`)

// checkMarkdown checks that every table row has as many unescaped pipes
// as its table's header and that every line of the Mermaid graph is one
// the renderer writes, with quoted labels free of Mermaid syntax. It
// returns the Markdown without the graph.
func checkMarkdown(t *testing.T, out string) string {
	t.Helper()
	pipes := func(line string) int {
		n := 0
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '|':
				n++
			}
		}
		return n
	}
	head := -1
	var rest []string
	inGraph := false
	for line := range strings.SplitSeq(out, "\n") {
		switch {
		case line == "```mermaid":
			inGraph = true
			continue
		case inGraph && line == "```":
			inGraph = false
			continue
		case inGraph:
			if !mermaidLine.MatchString(line) {
				t.Errorf("unexpected Mermaid line: %q", line)
			}
			continue
		}
		rest = append(rest, line)
		if !strings.HasPrefix(line, "|") {
			head = -1
			continue
		}
		if head < 0 {
			head = pipes(line)
			continue
		}
		if got := pipes(line); got != head {
			t.Errorf("table row has %d cell separators, its header %d:\n%s", got, head, line)
		}
	}
	if inGraph {
		t.Error("the Mermaid block is not closed")
	}
	return strings.Join(rest, "\n")
}

var dotLine = regexp.MustCompile(`^(  c\d+ \[label="[^"\\]*", tooltip="[^"\\]*"(, [a-z]+="#[0-9a-f]{6}")*\];|  c\d+ -> c\d+ \[label="\d+ sites?"(, [a-z]+="#[0-9a-f]{6}")*(, penwidth=[0-9.]+)?\];|  (graph|node|edge) \[.*\];|digraph components \{|\})$`)

// checkDOT checks that every line of the DOT output is one of the forms
// the renderer writes, with ids that are not names, and quoted strings
// without quotes or backslashes inside. It returns the labels.
func checkDOT(t *testing.T, out string) string {
	t.Helper()
	for line := range strings.SplitSeq(strings.TrimSuffix(out, "\n"), "\n") {
		if !dotLine.MatchString(line) {
			t.Errorf("unexpected DOT line: %q", line)
		}
	}
	return strings.Join(regexp.MustCompile(`"[^"]*"`).FindAllString(out, -1), "\n")
}

var annotationLine = regexp.MustCompile(`^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::[^\r\n]*$|^oneway: `)

// checkAnnotations checks that every line is one workflow command whose
// properties hold no raw separators, or the plain summary line.
func checkAnnotations(t *testing.T, out string) string {
	t.Helper()
	for line := range strings.SplitSeq(strings.TrimSuffix(out, "\n"), "\n") {
		if !annotationLine.MatchString(line) {
			t.Errorf("not a well-formed workflow command: %q", line)
		}
	}
	return out
}

// checkXML requires out to be one well-formed XML document and returns
// it: markup from the analysed code must be escaped in the raw text.
func checkXML(t *testing.T, out string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(out))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
	}
}

// checkJSON requires out to be valid JSON and returns it.
func checkJSON(t *testing.T, out string) string {
	t.Helper()
	if !json.Valid([]byte(out)) {
		t.Fatalf("not valid JSON:\n%s", out)
	}
	return out
}
