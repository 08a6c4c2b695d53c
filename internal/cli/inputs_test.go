package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestInputTooLarge: a policy over 4 MB, named or found, is refused
// before it is parsed, with a usage error that says so. (The other
// refused inputs, which need no big file, are in
// testdata/script/input_files.txtar.)
func TestInputTooLarge(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, `
-- go.mod --
module example.com/big

go 1.24
-- hello/hello.go --
// Package hello greets.
package hello
`)
	// 5 MB of valid YAML: a version and comment lines.
	big := append([]byte("version: 1\n"), bytes.Repeat([]byte("# padding\n"), 5<<20/10)...)
	for _, name := range []string{"big.yml", ".oneway.yml"} {
		if err := os.WriteFile(filepath.Join(dir, name), big, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, reason string
		args         []string
		want         string
	}{
		{"named", "-policy names a 5 MB file", []string{"audit", "-policy", "big.yml", "./..."},
			`^` + regexp.QuoteMeta(filepath.Join(dir, "big.yml")) + `: cannot read policy: larger than 4 MB\n$`},
		{"found", "the .oneway.yml found is 5 MB", []string{"audit", "./..."},
			`^` + regexp.QuoteMeta(filepath.Join(dir, ".oneway.yml")) + `: cannot read policy: larger than 4 MB\n$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runOneway(dir, tt.args...)
			if code != ExitUsage || !regexp.MustCompile(tt.want).MatchString(stderr) {
				t.Errorf("oneway %q: exit %d, stderr:\n%s\nwant exit %d and stderr matching %s (%s)", tt.args, code, stderr, ExitUsage, tt.want, tt.reason)
			}
		})
	}
}
