package finding

import "strings"

// RulesPage is the page documenting every rule; a rule's section is at
// RulesPage + "#" + its id (DocURL). SARIF's helpUri, the analyzers' URL
// and their Doc all point there.
const RulesPage = "https://github.com/oneway-lint/oneway/blob/main/docs/rules.md"

// DocURL is where the rule id is documented.
func DocURL(id string) string { return RulesPage + "#" + id }

// AnalyzerDoc writes an analyzer's Doc one way for every family: the
// summary line go/analysis asks for (lower case, no period), the detail,
// then the rules the analyzer reports with where each is documented.
func AnalyzerDoc(summary, detail string, rules ...string) string {
	var b strings.Builder
	b.WriteString(summary)
	if detail != "" {
		b.WriteString("\n\n" + strings.TrimSpace(detail))
	}
	if len(rules) > 0 {
		b.WriteString("\n\nRules:")
		for _, id := range rules {
			b.WriteString("\n  " + id + "  " + DocURL(id))
		}
	}
	return b.String()
}
