package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// GitLab writes r as a GitLab code quality report (the Code Climate
// issue format GitLab reads from a job's codequality artifact), which
// the merge request widget compares with the target branch's: one issue
// per decision, new invest-now decisions critical, invest-now ones in the
// baseline major, cheap-later ones minor; accepted decisions are left
// out; problems are blockers. Each fingerprint is a hash of the
// decision's own (rule, component, package, subject: no line) and its
// occurrence, so an issue keeps its identity when lines move.
func GitLab(w io.Writer, r *Report) error {
	type lines struct {
		Begin int `json:"begin"`
	}
	type location struct {
		Path  string `json:"path"`
		Lines lines  `json:"lines"`
	}
	type issue struct {
		Description string   `json:"description"`
		CheckName   string   `json:"check_name"`
		Fingerprint string   `json:"fingerprint"`
		Severity    string   `json:"severity"`
		Location    location `json:"location"`
	}
	hash := func(parts ...string) string {
		h := sha256.New()
		for _, p := range parts {
			fmt.Fprintf(h, "%q\x00", p)
		}
		return hex.EncodeToString(h.Sum(nil))[:32]
	}
	issues := []issue{}
	for _, d := range r.Decisions {
		level := severity(d)
		if level == unreported {
			continue
		}
		sev := [...]string{low: "minor", medium: "major", high: "critical"}[level]
		issues = append(issues, issue{
			Description: oneLine(d.Message) + " [" + d.Rule + ", " + d.Class + ", cost " + strconv.Itoa(d.Cost) + "]",
			CheckName:   d.Rule,
			Fingerprint: hash("decision", d.Fingerprint, strconv.Itoa(d.Occurrence)),
			Severity:    sev,
			Location:    location{Path: oneLine(d.File), Lines: lines{Begin: max(d.Line, 1)}},
		})
	}
	for _, p := range r.Problems {
		path := p.File
		desc := oneLine(p.Message)
		if p.Kind != DirectiveProblem {
			path = p.Package
			desc = "package " + oneLine(p.Package) + " not analysed: " + desc
		}
		issues = append(issues, issue{
			Description: desc, CheckName: "oneway." + p.Kind,
			Fingerprint: hash("problem", p.Kind, p.Package, p.File, strconv.Itoa(p.Line), p.Message),
			Severity:    "blocker",
			Location:    location{Path: oneLine(path), Lines: lines{Begin: max(p.Line, 1)}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
