package cli

import (
	"bytes"
	"flag"
	"reflect"
	"testing"
)

// TestFlagsAmongPatterns: flags may follow package patterns, as
// golangci-lint takes them; after "--" everything is a pattern.
func TestFlagsAmongPatterns(t *testing.T) {
	for _, tt := range []struct {
		args     []string
		format   string
		patterns []string
	}{
		{[]string{"./...", "-format", "json"}, "json", []string{"./..."}},
		{[]string{"-format", "sarif", "./a", "./b"}, "sarif", []string{"./a", "./b"}},
		{[]string{"./a", "-format=md", "./b"}, "md", []string{"./a", "./b"}},
		{[]string{"./a", "--", "-format", "json"}, "text", []string{"./a", "-format", "json"}},
		{[]string{"--", "./a"}, "text", []string{"./a"}},
		{nil, "text", nil},
	} {
		fs := flag.NewFlagSet("audit", flag.ContinueOnError)
		fs.SetOutput(new(bytes.Buffer))
		format := fs.String("format", "text", "")
		if code, ok := parseFlags(fs, tt.args); !ok {
			t.Fatalf("parseFlags(%q) stopped with %d", tt.args, code)
		}
		if *format != tt.format || !reflect.DeepEqual(fs.Args(), tt.patterns) && (len(fs.Args()) > 0 || len(tt.patterns) > 0) {
			t.Errorf("parseFlags(%q): -format %q, patterns %q; want %q, %q", tt.args, *format, fs.Args(), tt.format, tt.patterns)
		}
	}
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(new(bytes.Buffer))
	fs.String("format", "text", "")
	if code, ok := parseFlags(fs, []string{"./...", "-nope"}); ok || code != ExitUsage {
		t.Errorf("an unknown flag after a pattern: ok %v, code %d; want a usage error", ok, code)
	}
}
