package audit

import (
	"testing"

	"github.com/oneway-lint/oneway/internal/cache"
)

// TestLoadOptions: the load reuses what the last one learnt only with a
// cache and the go command's settings, and settings that differ are
// different settings.
func TestLoadOptions(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		lc    loadCache
		reuse bool
	}{
		{"cache and settings", loadCache{c: c, env: map[string]string{"GOFLAGS": "-tags=x"}}, true},
		{"no cache", loadCache{env: map[string]string{}}, false},
		{"settings unknown", loadCache{c: c}, false},
	} {
		o := tt.lc.options()
		if reuse := o.Cache != nil && o.Settings != nil; reuse != tt.reuse {
			t.Errorf("%s: reuse %v, want %v", tt.name, reuse, tt.reuse)
		}
	}
	a := loadCache{c: c, env: map[string]string{"GOFLAGS": "-tags=x", "GOARCH": "amd64"}}.options().Settings
	b := loadCache{c: c, env: map[string]string{"GOFLAGS": "-tags=x", "GOARCH": "arm64"}}.options().Settings
	if string(a) == string(b) {
		t.Errorf("GOARCH amd64 and arm64: the same settings %q", a)
	}
	// Where the main module is does not matter (clones and worktrees
	// share the dependencies' export data).
	a = loadCache{c: c, env: map[string]string{"GOARCH": "amd64", "GOMOD": "/a/go.mod"}}.options().Settings
	b = loadCache{c: c, env: map[string]string{"GOARCH": "amd64", "GOMOD": "/b/go.mod"}}.options().Settings
	if string(a) != string(b) {
		t.Errorf("another GOMOD: other settings %q, %q", a, b)
	}
	// The load sees the go command's settings (type sizes, build flags).
	if got := (loadCache{c: c, env: map[string]string{"GOARCH": "arm64"}}).options().GoEnv["GOARCH"]; got != "arm64" {
		t.Errorf("GOARCH %q, want arm64", got)
	}
}
