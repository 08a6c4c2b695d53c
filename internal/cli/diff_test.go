package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunDiff runs oneway diff directly; testdata/script/diff.txtar.pending
// is its end-to-end script, run once Main dispatches "diff".
func TestRunDiff(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("old.json", `{"version": 1, "decisions": [{"rule": "data.select-star", "class": "cheap-later", "cost": 12, "fingerprint": "f1", "file": "a.go", "line": 3, "message": "select *"}], "inventory": {"tables": [{"name": "t"}]}}`)
	write("new.json", `{"version": 1, "decisions": [{"rule": "data.select-star", "class": "invest-now", "cost": 48, "fingerprint": "f1", "file": "a.go", "line": 9, "message": "select *"}], "inventory": {"tables": [{"name": "u"}]}}`)
	write("v2.json", `{"version": 2}`)
	write("bad.json", `{"version": 1,`)
	cases := []struct {
		name     string
		args     []string
		code     int
		out, err string
		reason   string
	}{
		{"text", []string{"old.json", "new.json"}, ExitClean, "Changed class (1)\n  cheap-later → invest-now, cost 12 → 48", "", "a diff is information: exit 0"},
		{"markdown", []string{"-format", "markdown", "old.json", "new.json"}, ExitClean, "## Tables added (1)\n\n- u", "", "the Markdown form"},
		{"one file", []string{"old.json"}, ExitUsage, "", "usage: oneway diff", "two audits are needed"},
		{"missing", []string{"old.json", "nope.json"}, ExitUsage, "", "nope.json", "a file that does not exist"},
		{"version", []string{"v2.json", "new.json"}, ExitUsage, "", "v2.json: oneway JSON report version 2 is not supported", "another schema version"},
		{"broken", []string{"old.json", "bad.json"}, ExitUsage, "", "bad.json: not a oneway JSON report", "truncated JSON"},
		{"format", []string{"-format", "sarif", "old.json", "new.json"}, ExitUsage, "", `unknown -format "sarif"`, "only text and markdown"},
	}
	for _, tc := range cases {
		var stdout, stderr bytes.Buffer
		code := runDiff(tc.args, Env{Stdout: &stdout, Stderr: &stderr, Dir: dir})
		if code != tc.code || !strings.Contains(stdout.String(), tc.out) || !strings.Contains(stderr.String(), tc.err) {
			t.Errorf("%s (%s): exit %d, want %d; stdout:\n%s\nstderr:\n%s\nwant stdout with %q, stderr with %q",
				tc.name, tc.reason, code, tc.code, stdout.String(), stderr.String(), tc.out, tc.err)
		}
	}
}
