package cli

import (
	"runtime/debug"
	"testing"
)

// TestVersionText: oneway version names the module version, the revision
// and its state, the commit time and the Go that built the binary.
func TestVersionText(t *testing.T) {
	for _, c := range []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"released", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.4.0"}},
			"oneway v0.4.0, built with go1.26.0 for linux/amd64"},
		{"from a clone with changes", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "b798d96e"}, {Key: "vcs.time", Value: "2026-12-04T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		}}, "oneway (devel), revision b798d96e (modified), committed 2026-12-04T10:00:00Z, built with go1.26.0 for linux/amd64"},
		{"no build information", nil, "oneway (devel), no build information"},
	} {
		if got := versionText(c.bi, "linux", "amd64"); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
