package policy

import (
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/internal/depstest"
)

// TestPolicyLinksNoRules keeps dependencies pointing down: the policy
// is handed its rule catalogue, it never links the analyzers' registry
// or a family, so every driver (the audit, go vet, the golangci-lint
// plugin, nogo) links only the families it runs.
func TestPolicyLinksNoRules(t *testing.T) {
	deps := depstest.Deps(t)
	const mod = "github.com/oneway-lint/oneway/"
	for _, d := range deps {
		switch strings.TrimPrefix(d, mod) {
		case "analyzers", "analyzers/api", "analyzers/coupling", "analyzers/data", "internal/audit":
			t.Errorf("the policy package links %s", d)
		}
	}
}
