package report

import (
	"cmp"
	"encoding/xml"
	"io"
	"maps"
	"slices"
	"strconv"
)

// Checkstyle writes r as a Checkstyle XML report, which reviewdog,
// Jenkins' warnings plugin and many code-review tools read: one <file>
// per file, one <error> per decision, sorted by file, line and column.
// New invest-now decisions have severity error, invest-now ones in the
// baseline warning, cheap-later ones info; accepted decisions are left
// out. Each message ends with the rule, class and cost, and the source
// is "oneway.<rule>". Problems are errors (of a package, at its path;
// of a directive, at its line). Strings from the analysed code are
// escaped by encoding/xml; characters XML cannot hold become U+FFFD.
func Checkstyle(w io.Writer, r *Report) error {
	type entry struct {
		XMLName  xml.Name `xml:"error"`
		Line     int      `xml:"line,attr"`
		Column   int      `xml:"column,attr,omitempty"`
		Severity string   `xml:"severity,attr"`
		Message  string   `xml:"message,attr"`
		Source   string   `xml:"source,attr"`
	}
	type file struct {
		Name    string  `xml:"name,attr"`
		Entries []entry `xml:"error"`
	}
	type checkstyle struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []file   `xml:"file"`
	}
	byFile := map[string][]entry{}
	for _, d := range r.Decisions {
		sev := severity(d)
		if sev == unreported {
			continue
		}
		byFile[d.File] = append(byFile[d.File], entry{
			Line: d.Line, Column: d.Column, Severity: [...]string{low: "info", medium: "warning", high: "error"}[sev],
			Message: oneLine(d.Message) + " [" + d.Rule + ", " + d.Class + ", cost " + strconv.Itoa(d.Cost) + "]",
			Source:  "oneway." + d.Rule,
		})
	}
	for _, p := range r.Problems {
		name, msg := p.File, oneLine(p.Message)
		if name == "" {
			name = p.Package
		}
		source := DirectiveRule
		if p.Kind != DirectiveProblem {
			source = "oneway.package"
			msg = "package " + oneLine(p.Package) + " not analysed: " + msg
		}
		byFile[name] = append(byFile[name], entry{Line: p.Line, Column: p.Column, Severity: "error", Message: msg, Source: source})
	}
	doc := checkstyle{Version: "4.3"}
	for _, name := range slices.Sorted(maps.Keys(byFile)) {
		es := byFile[name]
		slices.SortStableFunc(es, func(a, b entry) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Source, b.Source))
		})
		doc.Files = append(doc.Files, file{Name: oneLine(name), Entries: es})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// level is how much a decision weighs in the formats of CI tools.
type level int

const (
	unreported level = iota // accepted: not reported
	low                     // cheap-later
	medium                  // invest-now, recorded in the baseline
	high                    // new invest-now: fails the build
)

// severity is the level of a decision.
func severity(d Decision) level {
	switch {
	case d.Class == InvestNow && !d.Baselined:
		return high
	case d.Class == InvestNow:
		return medium
	case d.Class == CheapLater:
		return low
	}
	return unreported
}
