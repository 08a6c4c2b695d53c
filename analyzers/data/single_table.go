package data

import (
	"fmt"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule data.single-table: a table that carries most of its datastore's
// query sites or components (see Global).

func singleTable(prog *family.Program, c Config, inv []TableUse) []finding.Finding {
	maxShare, maxCompShare, minSites := c.MaxQueryShare, c.MaxComponentShare, c.MinSites
	// The query sites of each datastore and the components that query it:
	// a god table is one of its own database.
	allSites := map[string]map[SiteRef]bool{}
	allComps := map[string]map[string]bool{}
	for _, u := range inv {
		if allSites[u.Store] == nil {
			allSites[u.Store], allComps[u.Store] = map[SiteRef]bool{}, map[string]bool{}
		}
		for _, r := range append(append([]SiteRef(nil), u.Reads...), u.Writes...) {
			allSites[u.Store][r] = true
			allComps[u.Store][r.Component] = true
		}
	}
	var out []finding.Finding
	for _, u := range inv {
		us := usageOf(prog, u)
		total, comps := len(allSites[u.Store]), len(allComps[u.Store])
		if len(us.sites) == 0 || total < minSites {
			continue
		}
		var why []string
		if len(us.sites)*100 > maxShare*total {
			why = append(why, fmt.Sprintf("%d of %d query sites", len(us.sites), total))
		}
		if comps >= 3 && len(us.comps)*100 > maxCompShare*comps {
			why = append(why, fmt.Sprintf("%d of %d components", len(us.comps), comps))
		}
		if len(why) == 0 {
			continue
		}
		out = append(out, finding.Finding{
			Rule:     RuleSingleTable,
			Pos:      us.sites[0].Pos,
			Subject:  u.label(),
			Evidence: us.evidence(),
			Message:  fmt.Sprintf("table %s carries %s: every feature depends on its shape", u.label(), strings.Join(why, " and ")),
			Related:  firstPerComponent(us.sites, "", "also uses "+u.label()),
		})
	}
	return out
}
