package api

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// moduleGlobal decides api.module-major-version for the main modules
// whose release tags the driver knows.
func moduleGlobal(prog *family.Program) []finding.Finding {
	var out []finding.Finding
	for _, m := range prog.Modules {
		if f, ok := majorVersion(m); ok {
			out = append(out, f)
		}
	}
	return out
}

// majorVersion reports a module whose highest release tag has a major
// version of 2 or more that its path does not carry.
func majorVersion(m family.Module) (finding.Finding, bool) {
	if !m.GoMod.IsValid() || strings.HasPrefix(m.Path, "gopkg.in/") {
		return finding.Finding{}, false
	}
	highest := ""
	for _, t := range m.Tags {
		if semver.IsValid(t) && semver.Prerelease(t) == "" && semver.Compare(t, highest) > 0 {
			highest = t
		}
	}
	if highest == "" {
		return finding.Finding{}, false
	}
	major, _ := strconv.Atoi(strings.TrimPrefix(semver.Major(highest), "v"))
	if major < 2 {
		return finding.Finding{}, false
	}
	_, suffix, ok := module.SplitPathVersion(m.Path)
	if ok && suffix == fmt.Sprintf("/v%d", major) {
		return finding.Finding{}, false
	}
	want := fmt.Sprintf("/v%d", major)
	msg := fmt.Sprintf("module %s is released as %s but its path has no %s suffix: importers resolve it to v1 or +incompatible", m.Path, highest, want)
	if suffix != "" {
		msg = fmt.Sprintf("module %s is released as %s but its path ends in %s, not %s", m.Path, highest, strings.TrimPrefix(suffix, "."), want)
	}
	return finding.Finding{
		Rule:     RuleModuleMajorVersion,
		Pos:      m.GoMod,
		Message:  msg,
		Subject:  m.Path,
		Evidence: finding.Evidence{Sites: 1, Packages: 1, Components: 1, Public: true},
	}, true
}
