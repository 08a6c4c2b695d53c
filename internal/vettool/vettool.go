// Package vettool adapts oneway's analyzers to go vet's -vettool
// protocol (golang.org/x/tools/go/analysis/unitchecker).
//
// go vet runs the tool once per package, in the package's directory, and
// caches the results by the tool's -V=full output and its flags — not by
// the policy file's content. To make an edited policy take effect, the
// -V=full line folds in a hash of the policy the run will use: the file
// named by -policy on the go vet command line (read from the parent
// process, on Linux), else $ONEWAY_POLICY, else the .oneway.yml found
// from the working directory up to the module root, else the embedded
// default.
package vettool

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/policyfile"
	"github.com/oneway-lint/oneway/internal/scored"
	"github.com/oneway-lint/oneway/policy"
)

// EnvPolicy names the environment variable that may name the policy file.
const EnvPolicy = "ONEWAY_POLICY"

// Invoked reports whether args (without the program name) are a go vet
// invocation of the tool: -flags, -V=full, or a unit .cfg file.
func Invoked(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		switch a {
		case "-flags", "--flags", "-V=full", "--V=full":
			return true
		}
	}
	return strings.HasSuffix(args[len(args)-1], ".cfg")
}

// IsVersionQuery reports whether args are go vet's build-ID query.
func IsVersionQuery(args []string) bool {
	return len(args) == 1 && (args[0] == "-V=full" || args[0] == "--V=full")
}

// VersionLine is the answer to -V=full. go vet keys its cache on it, so
// it changes whenever the executable or a policy in force changes.
// dir is the go command's working directory; parentArgs are the go
// command's arguments when known.
//
// Each package's unit runs in the package's directory and finds its
// policy from there (see choose): unless the policy is named by an
// absolute path, every policy file that any package of the workspace or
// module around dir could find is hashed, nested ones too.
func VersionLine(version string, exe []byte, dir string, parentArgs []string, getenv func(string) string) string {
	h := sha256.New()
	h.Write(exe)
	flagPath, envPath := policyFlag(parentArgs), getenv(EnvPolicy)
	src := choose(flagPath, envPath, dir, dir)
	hashPolicy(h, src.Path, src.Bytes)
	named := flagPath
	if named == "" {
		named = envPath
	}
	if !filepath.IsAbs(named) {
		for _, p := range policyfile.InTree(dir, named) {
			hashPolicy(h, p, func() ([]byte, error) { return policyfile.Source{Path: p}.Bytes() })
		}
	}
	// "devel" tells the go command to use the buildID field as the key.
	return fmt.Sprintf("oneway version devel %s buildID=%s\n", version, hex.EncodeToString(h.Sum(nil)))
}

// hashPolicy writes a policy's name and contents, or its error, to h.
func hashPolicy(h hash.Hash, name string, read func() ([]byte, error)) {
	if b, err := read(); err == nil {
		fmt.Fprintf(h, "\x00policy %q\x00", name)
		h.Write(b)
	} else {
		fmt.Fprintf(h, "\x00policy error %q %v", name, err)
	}
}

// ParentArgs returns the command line of the parent process (the go
// command, when go vet asks for -V=full), or nil where it cannot be read.
//
// It reads /proc/PPID/cmdline, which Linux has; elsewhere (macOS, Windows,
// BSDs without procfs) it returns nil, so a policy named by -policy on
// the go vet command line is not folded into the version line and go vet
// may serve results cached under the policy's old contents. The portable
// alternatives, documented in the README's go vet section: name the
// policy with $ONEWAY_POLICY (VersionLine reads the environment) or keep
// it in .oneway.yml (found and hashed from the module).
func ParentArgs() []string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", os.Getppid()))
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
}

// policyFlag finds the value of -policy in a go vet command line.
func policyFlag(args []string) string {
	v, _ := flagValue(args, "policy", false)
	return v
}

// flagValue finds the flag name in a go vet command line, as -name or
// --name, with its value after = or, unless it is a boolean flag, as the
// next argument; a bare boolean flag is "true". It reports whether the
// flag is there.
func flagValue(args []string, name string, isBool bool) (string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		for _, p := range []string{"-" + name, "--" + name} {
			if a == p && isBool {
				return "true", true
			}
			if a == p && i+1 < len(args) {
				return args[i+1], true
			}
			if v, ok := strings.CutPrefix(a, p+"="); ok {
				return v, true
			}
		}
	}
	return "", false
}

// choose picks the policy: the -policy flag, else the environment, else
// discovery from dir. A relative path in either is looked up from base
// upward to the module root, since go vet runs the tool in each
// package's directory.
func choose(flagPath, envPath, base, dir string) policyfile.Source {
	switch {
	case flagPath != "":
		return policyfile.Source{Path: lookUp(flagPath, base)}
	case envPath != "":
		return policyfile.Source{Path: lookUp(envPath, base)}
	}
	return policyfile.Choose("", dir)
}

// lookUp resolves a relative path against base and its parents up to the
// module root; it returns the path as given when nothing exists.
func lookUp(p, base string) string {
	if filepath.IsAbs(p) {
		return p
	}
	dir, err := filepath.Abs(base)
	if err != nil {
		return p
	}
	for {
		c := filepath.Join(dir, p)
		if _, err := os.Stat(c); err == nil {
			return c
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return p
		}
		dir = parent
	}
}

// Register adds the tool's flags to fs, so that go vet learns of them
// through -flags and accepts them. Analyzers reads their values from the
// command line itself, since the analyzers must exist before fs is parsed.
func Register(fs *flag.FlagSet) {
	fs.String("policy", "", "policy file (default: $"+EnvPolicy+", else .oneway.yml found upward from the package to the module root, else the embedded default)")
	fs.Bool("invest-now-only", false, "report only invest-now decisions (go vet fails the run on any report; without it cheap-later decisions are reported too)")
}

// investNowOnly reports whether a go vet command line sets -invest-now-only.
func investNowOnly(args []string) bool {
	v, ok := flagValue(args, "invest-now-only", true)
	on, err := strconv.ParseBool(v)
	return ok && err == nil && on
}

// Analyzers returns the families' analyzers for one go vet invocation
// with the given arguments, configured from the policy in force and
// wrapped so that each finding is weighed against the policy and its
// message ends with the cost and class.
//
// No policy is read for -flags, nor for the units go vet runs on
// dependencies only to compute facts (facts never depend on the policy;
// such units run in the dependency's directory, often in GOROOT, where
// a relative -policy path means nothing).
func Analyzers(args []string, families []family.Family, getenv func(string) string) ([]*analysis.Analyzer, error) {
	rules := family.Rules(families)
	pol := policy.Default(rules)
	if needsPolicy(args) {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		pol, err = choose(policyFlag(args), getenv(EnvPolicy), wd, wd).Load(rules)
		if err != nil {
			return nil, err
		}
	}
	var opts []scored.Option
	if investNowOnly(args) {
		opts = append(opts, scored.InvestNowOnly())
	}
	return scored.Analyzers(pol, families, opts...), nil
}

// needsPolicy reports whether the invocation reports diagnostics: a unit
// that is not VetxOnly.
func needsPolicy(args []string) bool {
	if len(args) == 0 || slices.Contains(args, "-flags") || slices.Contains(args, "--flags") {
		return false
	}
	cfgFile := args[len(args)-1]
	if !strings.HasSuffix(cfgFile, ".cfg") {
		return false
	}
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return true // unitchecker reports the unreadable file
	}
	var unit struct{ VetxOnly bool }
	if err := json.Unmarshal(data, &unit); err != nil {
		return true
	}
	return !unit.VetxOnly
}
