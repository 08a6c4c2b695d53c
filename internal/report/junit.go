package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// JUnit writes r as a JUnit XML report, which GitLab, Jenkins, Azure
// Pipelines and most CI systems show as test results: one test suite,
// oneway, with a test case per decision (its rule and place as the name)
// that fails for a new invest-now decision and passes otherwise, its
// message and cost in the case's output; accepted decisions are left
// out. A problem is a test case with an error. Test cases follow the
// report's order (Sort): invest-now first, most expensive first.
func JUnit(w io.Writer, r *Report) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Failure   *failure `xml:"failure,omitempty"`
		Error     *failure `xml:"error,omitempty"`
		SystemOut string   `xml:"system-out,omitempty"`
	}
	type testsuite struct {
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Errors   int        `xml:"errors,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	type testsuites struct {
		XMLName xml.Name    `xml:"testsuites"`
		Suites  []testsuite `xml:"testsuite"`
	}
	suite := testsuite{Name: "oneway"}
	for _, d := range r.Decisions {
		sev := severity(d)
		if sev == unreported {
			continue
		}
		place := fmt.Sprintf("%s:%d:%d", oneLine(d.File), d.Line, d.Column)
		text := fmt.Sprintf("%s\n%s · cost %s · component %s", oneLine(d.Message), d.Class, oneLine(d.Breakdown), oneLine(d.Component))
		tc := testcase{Name: d.Rule + " " + place, Classname: "oneway." + d.Rule}
		if sev == high {
			tc.Failure = &failure{Message: oneLine(d.Message), Type: d.Class + " (cost " + strconv.Itoa(d.Cost) + ")", Text: text}
			suite.Failures++
		} else {
			tc.SystemOut = text
		}
		suite.Cases = append(suite.Cases, tc)
	}
	for _, p := range r.Problems {
		name := "package " + oneLine(p.Package)
		if p.Kind == DirectiveProblem {
			name = fmt.Sprintf("%s %s:%d:%d", DirectiveRule, oneLine(p.File), p.Line, p.Column)
		}
		suite.Cases = append(suite.Cases, testcase{Name: name, Classname: "oneway." + p.Kind,
			Error: &failure{Message: oneLine(p.Message), Type: p.Kind + " problem", Text: oneLine(p.Message)}})
		suite.Errors++
	}
	suite.Tests = len(suite.Cases)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(testsuites{Suites: []testsuite{suite}}); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
