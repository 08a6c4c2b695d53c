package report

import (
	"cmp"
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// SARIF-related constants.
const (
	// InformationURI is oneway's home page, as SARIF's tool.driver.informationUri.
	InformationURI = "https://github.com/oneway-lint/oneway"
	// RulesDocURL is the page documenting every rule; a rule's help is at
	// RulesDocURL + "#" + its id (finding.DocURL).
	RulesDocURL = finding.RulesPage
	// DirectiveRule is the id of the tool rule under which SARIF and
	// GitHub output report problems with //oneway: directives.
	DirectiveRule = "oneway.directive"
	// FingerprintKey is the key of oneway's fingerprint in a SARIF
	// result's partialFingerprints.
	FingerprintKey = "oneway/v1"

	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
)

// SARIF writes r as a SARIF 2.1.0 log with one run, in the form GitHub
// code scanning accepts. rules is oneway's rule catalogue: it fills
// tool.driver.rules (sorted by id), whether or not a rule has results; a
// decision whose rule is not in it gets a rule entry with only its id.
//
// Levels: invest-now is error, cheap-later is note, accepted is note
// with an inSource suppression whose justification is the directive's
// reason. When any decision is baselined, every result has a
// baselineState (unchanged or new). Directive problems are warnings of
// the tool rule [DirectiveRule]; packages that could not be analysed are
// tool execution notifications. Paths are module-relative URIs against
// the %SRCROOT% base. Every plain text message is escaped with sarifText,
// so that braces and brackets from the analysed code are neither
// placeholders nor embedded links.
func SARIF(w io.Writer, r *Report, rules []finding.Rule) error {
	log := sarifLog{Schema: sarifSchema, Version: sarifVersion}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "oneway",
			InformationURI: InformationURI,
			Version:        r.Tool,
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			srcRoot: {Description: &sarifMessage{Text: sarifText("the root of the analysed Go module")}},
		},
		Results: []sarifResult{},
		Invocations: []sarifInvocation{{
			ExecutionSuccessful:        true,
			ToolExecutionNotifications: []sarifNotification{},
		}},
		Properties: &sarifRunProperties{Stage: r.Stage, Policy: r.Policy, Threshold: r.Threshold, Summary: r.Summary, Components: ComponentsNote(r)},
	}

	catalogue := slices.Clone(rules)
	known := map[string]bool{}
	for _, rl := range catalogue {
		known[rl.ID] = true
	}
	for _, d := range r.Decisions {
		if !known[d.Rule] {
			known[d.Rule] = true
			catalogue = append(catalogue, finding.Rule{ID: d.Rule})
		}
	}
	if !known[DirectiveRule] {
		catalogue = append(catalogue, finding.Rule{
			ID:      DirectiveRule,
			Title:   "wrong or unused oneway directive",
			Summary: "a //oneway: directive has no reason, names an unknown rule or matches no decision",
			Doc: "A //oneway:accept directive records a decision taken on purpose. It must name a known rule " +
				"and give a reason (or an ADR link), and it must sit on or above the line of a decision of that rule. " +
				"Fix the directive, or delete it if the decision is gone.",
		})
	}
	slices.SortStableFunc(catalogue, func(a, b finding.Rule) int { return cmp.Compare(a.ID, b.ID) })
	ruleIndex := map[string]int{}
	for i, rl := range catalogue {
		ruleIndex[rl.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(rl))
	}

	baselined := slices.ContainsFunc(r.Decisions, func(d Decision) bool { return d.Baselined })
	for _, d := range r.Decisions {
		res := sarifResult{
			RuleID:    d.Rule,
			RuleIndex: ruleIndex[d.Rule],
			Level:     sarifLevel(d.Class),
			Message:   sarifMessage{Text: sarifText(decisionText(d))},
			Locations: sarifLocations(d.File, d.Line, d.Column, ""),
			Properties: &sarifResultProperties{
				Cost: d.Cost, Class: d.Class, Breakdown: d.Breakdown,
				Component: d.Component, Package: d.Package, Subject: d.Subject, Evidence: d.Evidence,
			},
		}
		if d.Fingerprint != "" {
			fp := d.Fingerprint
			if d.Occurrence > 0 {
				fp += ":" + strconv.Itoa(d.Occurrence)
			}
			res.PartialFingerprints = map[string]string{FingerprintKey: fp}
		}
		for i, rel := range d.Related {
			for _, loc := range sarifLocations(rel.File, rel.Line, rel.Column, rel.Message) {
				loc.ID = new(i + 1)
				res.RelatedLocations = append(res.RelatedLocations, loc)
			}
		}
		if d.Class == Accepted {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: d.Reason}}
		}
		if baselined {
			res.BaselineState = "new"
			if d.Baselined {
				res.BaselineState = "unchanged"
			}
		}
		run.Results = append(run.Results, res)
	}

	for _, p := range r.Problems {
		switch p.Kind {
		case DirectiveProblem:
			run.Results = append(run.Results, sarifResult{
				RuleID:    DirectiveRule,
				RuleIndex: ruleIndex[DirectiveRule],
				Level:     "warning",
				Message:   sarifMessage{Text: sarifText(p.Message)},
				Locations: sarifLocations(p.File, p.Line, p.Column, ""),
			})
		default:
			text := p.Message
			if p.Package != "" {
				text = p.Package + ": " + text
			}
			run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, sarifNotification{
				Level:     "warning",
				Message:   sarifMessage{Text: sarifText(text)},
				Locations: sarifLocations(p.File, p.Line, p.Column, ""),
			})
		}
	}

	log.Runs = []sarifRun{run}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&log)
}

// decisionText is a decision's message with its class and cost, for
// formats whose viewers show only the message.
func decisionText(d Decision) string {
	cost := strconv.Itoa(d.Cost)
	if d.Breakdown != "" {
		cost = d.Breakdown
	}
	return d.Message + " (" + d.Class + ", cost " + cost + ")"
}

func sarifLevel(class string) string {
	if class == InvestNow {
		return "error"
	}
	return "note"
}

func sarifRuleFor(rl finding.Rule) sarifRule {
	short := cmp.Or(rl.Title, rl.Summary, rl.ID)
	full := cmp.Or(strings.TrimSpace(rl.Doc), rl.Summary, short)
	help := full
	if rl.Weight > 0 {
		help += "\n\nDefault weight: " + strconv.Itoa(rl.Weight) + "."
	}
	if rl.Global {
		help += "\nDecided by the whole-program audit (oneway audit)."
	}
	helpURL := finding.DocURL(rl.ID)
	var mdHelp strings.Builder
	mdHelp.WriteString(mdCode(rl.ID))
	if rl.Title != "" {
		mdHelp.WriteString(": **" + md(rl.Title) + "**")
	}
	mdHelp.WriteString("\n\n" + mdParagraphs(full) + "\n\n")
	if rl.Weight > 0 {
		mdHelp.WriteString("Default weight: " + strconv.Itoa(rl.Weight) + ". ")
	}
	if rl.Global {
		mdHelp.WriteString("Decided by the whole-program audit (`oneway audit`). ")
	}
	mdHelp.WriteString("[Documentation](" + helpURL + ")")
	return sarifRule{
		ID:                   rl.ID,
		Name:                 pascal(rl.ID),
		ShortDescription:     sarifMessage{Text: sarifText(short)},
		FullDescription:      sarifMessage{Text: sarifText(full)},
		Help:                 sarifHelp{Text: sarifText(help), Markdown: mdHelp.String()},
		HelpURI:              helpURL,
		DefaultConfiguration: sarifConfiguration{Level: "warning"},
		Properties:           &sarifRuleProperties{Tags: []string{"maintainability", finding.Family(rl.ID)}},
	}
}

// pascal turns a rule id into the friendly rule name SARIF asks for:
// data.shared-table becomes DataSharedTable.
func pascal(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '.' || r == '-' || r == '_' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sarifLocations returns the location of file:line:col, or none when
// there is no file.
func sarifLocations(file string, line, col int, msg string) []sarifLocation {
	if file == "" {
		return nil
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: fileURI(file), URIBaseID: srcRoot},
	}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line}
		if col > 0 {
			loc.PhysicalLocation.Region.StartColumn = col
		}
	}
	if msg != "" {
		loc.Message = &sarifMessage{Text: sarifText(msg)}
	}
	return []sarifLocation{loc}
}

// fileURI turns a module-relative path into a relative URI reference.
func fileURI(file string) string {
	u := url.URL{Path: strings.ReplaceAll(file, "\\", "/")}
	return u.String()
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	Results            []sarifResult                    `json:"results"`
	Invocations        []sarifInvocation                `json:"invocations"`
	Properties         *sarifRunProperties              `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string               `json:"id"`
	Name                 string               `json:"name"`
	ShortDescription     sarifMessage         `json:"shortDescription"`
	FullDescription      sarifMessage         `json:"fullDescription"`
	Help                 sarifHelp            `json:"help"`
	HelpURI              string               `json:"helpUri"`
	DefaultConfiguration sarifConfiguration   `json:"defaultConfiguration"`
	Properties           *sarifRuleProperties `json:"properties,omitempty"`
}

// sarifHelp is a rule's help: Text is plain text escaped with
// sarifText; Markdown is GitHub Markdown whose strings are escaped with md.
type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	Tags []string `json:"tags"`
}

// sarifMessage is a SARIF message object. Text is plain text escaped
// with sarifText.
type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string                 `json:"ruleId"`
	RuleIndex           int                    `json:"ruleIndex"`
	Level               string                 `json:"level"`
	Message             sarifMessage           `json:"message"`
	Locations           []sarifLocation        `json:"locations,omitempty"`
	PartialFingerprints map[string]string      `json:"partialFingerprints,omitempty"`
	RelatedLocations    []sarifLocation        `json:"relatedLocations,omitempty"`
	Suppressions        []sarifSuppression     `json:"suppressions,omitempty"`
	BaselineState       string                 `json:"baselineState,omitempty"`
	Properties          *sarifResultProperties `json:"properties,omitempty"`
}

type sarifResultProperties struct {
	Cost      int              `json:"cost"`
	Class     string           `json:"class"`
	Breakdown string           `json:"cost_breakdown"`
	Component string           `json:"component"`
	Package   string           `json:"package,omitempty"`
	Subject   string           `json:"subject,omitempty"`
	Evidence  finding.Evidence `json:"evidence"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifRunProperties struct {
	Stage     string  `json:"stage"`
	Policy    string  `json:"policy"`
	Threshold int     `json:"threshold"`
	Summary   Summary `json:"summary"`
	// Components says how the components were formed where the import
	// graph joined directories (see ComponentsNote).
	Components string `json:"components,omitempty"`
}
