// Package directive reads the comments with which a team records that it
// took a one-way door on purpose:
//
//	//oneway:accept RULE[,RULE…] REASON       on the decision's line or the line above
//	//oneway:accept-file RULE[,RULE…] REASON  anywhere in the file: every decision in it
//	//nolint:oneway // REASON                 golangci-lint's form, on the line or the line above
//	//nolint // REASON, //nolint:all // REASON golangci-lint's forms for every linter, oneway included
//
// A reason is required: a sentence or a link to a decision record. The
// audit driver matches directives to decisions; analyzers never see them.
//
// golangci-lint applies every //nolint that names oneway, all linters or
// none, reason or not, before oneway's plugin can see it: the audit and
// go vet apply the same ones, so that the three agree on what is
// accepted. A //nolint:oneway without a reason is reported as a problem
// besides; the forms for every linter are other linters' business too,
// so oneway reports nothing about them (no reason, no match).
package directive

import (
	"go/ast"
	"go/token"
	"strings"
)

// Directive is one accept directive found in a comment.
type Directive struct {
	File   string // the file name as the FileSet knows it
	Line   int    // the comment's line
	Column int
	// Rules are the rule ids it accepts; nil for //nolint:oneway, which
	// accepts every oneway rule.
	Rules     []string
	Reason    string
	FileLevel bool   // //oneway:accept-file
	Text      string // the comment as written
	// Nolint is set for golangci-lint's forms, which golangci-lint
	// applies even without a reason: so does File, with the problem.
	Nolint bool
	// AllLinters is set for //nolint and //nolint:all, which are about
	// every linter: nothing is reported about them.
	AllLinters bool
}

// Covers reports whether the directive applies to a decision at line in
// its file with the given rule.
func (d Directive) Covers(rule string, line int) bool {
	if !d.FileLevel && line != d.Line && line != d.Line+1 {
		return false
	}
	if d.Rules == nil {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// Problem is a directive that cannot be honoured as written.
type Problem struct {
	Directive Directive
	Message   string
}

// File returns the directives in f's comments and the problems with them
// (a missing reason, no rule named). Rule ids are not checked here: the
// caller knows the catalogue.
func File(fset *token.FileSet, f *ast.File) ([]Directive, []Problem) {
	var ds []Directive
	var ps []Problem
	for _, g := range f.Comments {
		for _, c := range g.List {
			d, msg, ok := Parse(c.Text)
			if !ok {
				continue
			}
			pos := fset.Position(c.Slash)
			d.File, d.Line, d.Column = pos.Filename, pos.Line, pos.Column
			if msg != "" {
				ps = append(ps, Problem{Directive: d, Message: msg})
				if !d.Nolint {
					continue
				}
			}
			ds = append(ds, d)
		}
	}
	return ds, ps
}

// Parse reads one comment (with its // or /* */ markers). It returns
// ok=false when the comment is not a directive, and a message when it is
// one that cannot be honoured.
func Parse(comment string) (d Directive, problem string, ok bool) {
	text, isLine := strings.CutPrefix(comment, "//")
	if !isLine {
		return Directive{}, "", false // directives are line comments, as in Go
	}
	d.Text = comment
	switch {
	case strings.HasPrefix(text, "oneway:accept-file"):
		d.FileLevel = true
		return parseAccept(d, text[len("oneway:accept-file"):])
	case strings.HasPrefix(text, "oneway:accept"):
		return parseAccept(d, text[len("oneway:accept"):])
	case strings.HasPrefix(text, "oneway:"):
		verb, _, _ := strings.Cut(text, " ")
		return d, "unknown directive //" + verb + ": use //oneway:accept or //oneway:accept-file", true
	case strings.HasPrefix(text, "nolint:"):
		return parseNolint(d, text[len("nolint:"):])
	case text == "nolint" || strings.HasPrefix(text, "nolint ") || strings.HasPrefix(text, "nolint\t") || strings.HasPrefix(text, "nolint//"):
		return parseNolint(d, "all"+text[len("nolint"):]) // every linter
	}
	return Directive{}, "", false
}

func parseAccept(d Directive, rest string) (Directive, string, bool) {
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return d, "", false // //oneway:acceptable … is not ours
	}
	rest = strings.TrimSpace(rest)
	list, reason, _ := strings.Cut(rest, " ")
	if list == "" {
		return d, "directive names no rule: write //oneway:accept RULE reason", true
	}
	for _, r := range strings.Split(list, ",") {
		if r = strings.TrimSpace(r); r != "" {
			d.Rules = append(d.Rules, r)
		}
	}
	if len(d.Rules) == 0 {
		return d, "directive names no rule: write //oneway:accept RULE reason", true
	}
	d.Reason = strings.TrimSpace(reason)
	if d.Reason == "" {
		return d, "directive has no reason: say why the door was taken on purpose, or link the decision record", true
	}
	return d, "", true
}

// parseNolint reads golangci-lint's //nolint:a,b // reason. Only a list
// that names oneway, or all linters, concerns oneway.
func parseNolint(d Directive, rest string) (Directive, string, bool) {
	list, reason, _ := strings.Cut(rest, "//")
	list = strings.TrimSpace(list)
	if i := strings.IndexAny(list, " \t"); i >= 0 {
		list = list[:i]
	}
	named, all := false, false
	for _, l := range strings.Split(list, ",") {
		switch strings.TrimSpace(l) {
		case "oneway":
			named = true
		case "all":
			all = true
		}
	}
	if !named && !all {
		return Directive{}, "", false
	}
	d.Nolint, d.AllLinters = true, !named
	d.Reason = strings.TrimSpace(reason)
	if d.Reason == "" && named {
		return d, "//nolint:oneway has no reason (golangci-lint applies it, so does oneway): write //nolint:oneway // why", true
	}
	return d, "", true
}
