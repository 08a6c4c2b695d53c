package vettool

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInvoked(t *testing.T) {
	cases := []struct {
		args []string
		want bool
		why  string
	}{
		{[]string{"-flags"}, true, "go vet asks which flags the tool has"},
		{[]string{"-V=full"}, true, "go vet asks for the build ID"},
		{[]string{"-policy=/p.yml", "/tmp/x/vet.cfg"}, true, "a unit of work ends in .cfg"},
		{[]string{"audit", "./..."}, false, "an ordinary command"},
		{nil, false, "no arguments at all"},
	}
	for _, c := range cases {
		if got := Invoked(c.args); got != c.want {
			t.Errorf("Invoked(%q) = %v, want %v (%s)", c.args, got, c.want, c.why)
		}
	}
}

func TestPolicyFlag(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"go", "vet", "-vettool=/bin/oneway", "-policy=p.yml", "./..."}, "p.yml"},
		{[]string{"go", "vet", "-policy", "q.yml", "./..."}, "q.yml"},
		{[]string{"go", "vet", "--policy=r.yml"}, "r.yml"},
		{[]string{"go", "vet", "./...", "--", "-policy=s.yml"}, ""},
		{[]string{"go", "vet", "./..."}, ""},
	}
	for _, c := range cases {
		if got := policyFlag(c.args); got != c.want {
			t.Errorf("policyFlag(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

// TestVersionLineFollowsPolicy checks that the build ID go vet caches by
// changes when the policy in force changes, however it is chosen.
func TestVersionLineFollowsPolicy(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("go.mod", "module example.com/m\n")
	noenv := func(string) string { return "" }
	exe := []byte("binary")

	base := VersionLine("v1", exe, dir, nil, noenv)
	if !strings.HasPrefix(base, "oneway version devel v1 buildID=") {
		t.Fatalf("VersionLine = %q: go vet needs 'NAME version devel … buildID=…'", base)
	}
	if again := VersionLine("v1", exe, dir, nil, noenv); again != base {
		t.Errorf("VersionLine is not stable: %q then %q", base, again)
	}
	if other := VersionLine("v1", []byte("other binary"), dir, nil, noenv); other == base {
		t.Error("a different executable gives the same build ID")
	}

	write(".oneway.yml", "version: 1\nstage: scale\n")
	found := VersionLine("v1", exe, dir, nil, noenv)
	if found == base {
		t.Error("a discovered .oneway.yml does not change the build ID")
	}
	write(".oneway.yml", "version: 1\nstage: explore\n")
	if edited := VersionLine("v1", exe, dir, nil, noenv); edited == found {
		t.Error("editing the discovered policy does not change the build ID")
	}

	p := write("explicit.yml", "version: 1\n")
	args := []string{"go", "vet", "-vettool=/x/oneway", "-policy=" + p, "./..."}
	flagged := VersionLine("v1", exe, dir, args, noenv)
	write("explicit.yml", "version: 1\nstage: scale\n")
	if edited := VersionLine("v1", exe, dir, args, noenv); edited == flagged {
		t.Error("editing the -policy file does not change the build ID")
	}

	// A policy in a package's directory below: that package's unit
	// finds it, so it is in the build ID too.
	if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("a/b/.oneway.yml", "version: 1\nstage: scale\n")
	nested := VersionLine("v1", exe, dir, nil, noenv)
	if nested == found {
		t.Error("a nested .oneway.yml does not change the build ID")
	}
	write("a/b/.oneway.yml", "version: 1\nstage: explore\n")
	if edited := VersionLine("v1", exe, dir, nil, noenv); edited == nested {
		t.Error("editing a nested .oneway.yml does not change the build ID")
	}

	env := func(k string) string {
		if k == EnvPolicy {
			return p
		}
		return ""
	}
	byEnv := VersionLine("v1", exe, dir, nil, env)
	write("explicit.yml", "version: 1\nstage: traction\n")
	if edited := VersionLine("v1", exe, dir, nil, env); edited == byEnv {
		t.Errorf("editing the $%s file does not change the build ID", EnvPolicy)
	}
}

func TestLookUp(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "p.yml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := lookUp("p.yml", pkg), filepath.Join(root, "p.yml"); got != want {
		t.Errorf("lookUp from a package directory = %q, want the module root's %q", got, want)
	}
	if got := lookUp("none.yml", pkg); got != "none.yml" {
		t.Errorf("lookUp of a missing file = %q, want it as given", got)
	}
}

// TestRelativeEnvPolicy: a relative $ONEWAY_POLICY is looked up from the
// package's directory upward to the module root, as -policy is (each
// unit runs in its package's directory), and editing it changes the
// build ID.
func TestRelativeEnvPolicy(t *testing.T) {
	root := t.TempDir()
	pkg := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(filepath.Join(root, "policies"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module m\n")
	write("policies/p.yml", "version: 1\n")
	env := func(k string) string {
		if k == EnvPolicy {
			return "policies/p.yml"
		}
		return ""
	}
	if got, want := choose("", env(EnvPolicy), pkg, pkg).Path, filepath.Join(root, "policies", "p.yml"); got != want {
		t.Errorf("a relative $%s from a package directory is %q, want %q", EnvPolicy, got, want)
	}
	before := VersionLine("v1", []byte("binary"), root, nil, env)
	write("policies/p.yml", "version: 1\nstage: scale\n")
	if after := VersionLine("v1", []byte("binary"), root, nil, env); after == before {
		t.Errorf("editing the relative $%s file does not change the build ID", EnvPolicy)
	}
}

func TestInvestNowOnlyFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"-invest-now-only", "x.cfg"}, true},
		{[]string{"--invest-now-only=true", "x.cfg"}, true},
		{[]string{"-invest-now-only=false", "x.cfg"}, false},
		{[]string{"-policy", "p.yml", "x.cfg"}, false},
		{[]string{"--", "-invest-now-only"}, false},
	} {
		if got := investNowOnly(c.args); got != c.want {
			t.Errorf("investNowOnly(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
