package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/audit"
	"github.com/oneway-lint/oneway/internal/baseline"
	"github.com/oneway-lint/oneway/internal/policyfile"
)

// A linter must never print different answers for the same code. These
// tests audit the demo code base (testdata/demo) several times at once,
// in every format, in-process and in separate processes with different
// GOMAXPROCS, and compare the outputs byte for byte.
//
// An audit of the demo costs seconds of CPU (the standard library is
// type-checked from source), so the runs are chosen to compare every
// format across independent audits with as few audits as that takes:
// one `oneway audit -format F` per format, and one more audit whose
// report the test renders in every format with the CLI's own renderers.

// demoDir is the demo code base, testdata/demo at the repository root.
func demoDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// auditOutput is what one audit printed and wrote.
type auditOutput struct {
	stdout, stderr string
	code           int
	baseline       string // the -write-baseline file
}

func (o auditOutput) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s--- baseline\n%s", o.code, o.stdout, o.stderr, o.baseline)
}

// demoAudit runs oneway audit -format format on the demo in-process,
// writing a baseline too.
func demoAudit(demo, tmp, format string) auditOutput {
	base := filepath.Join(tmp, "base-"+format+".json")
	var o auditOutput
	o.stdout, o.stderr, o.code = runOneway(demo, "audit", "-format", format, "-write-baseline", base, "./...")
	data, err := os.ReadFile(base)
	o.baseline = string(data)
	if err != nil {
		o.baseline = "error: " + err.Error()
	}
	return o
}

// demoJSON is the in-process JSON audit of the demo, shared by the
// tests below so that it runs once.
var demoJSON struct {
	once sync.Once
	out  auditOutput
}

func demoJSONAudit(demo string) auditOutput {
	demoJSON.once.Do(func() {
		tmp, err := os.MkdirTemp("", "oneway-determinism-")
		if err != nil {
			demoJSON.out = auditOutput{stderr: err.Error(), code: -1}
			return
		}
		defer func() { _ = os.RemoveAll(tmp) }()
		demoJSON.out = demoAudit(demo, tmp, "json")
	})
	return demoJSON.out
}

// TestDeterministicFormats runs, in parallel goroutines (at most four at
// a time, to bound memory), the demo audit once in every -format the
// CLI offers and once more through audit.Run, whose report it renders
// in every format with the CLI's renderers: each format's two outputs,
// from two independent audits, must agree byte for byte, and all eight
// audits must write the same baseline.
func TestDeterministicFormats(t *testing.T) {
	t.Parallel()
	demo, tmp := demoDir(t), t.TempDir()
	env := Env{Dir: demo, Getenv: func(string) string { return "" }}

	cli := make([]auditOutput, len(formats))
	direct := make([]string, len(formats))
	var directBase string
	var directErr error
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, format := range formats {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if format == "json" {
				cli[i] = demoJSONAudit(demo)
				return
			}
			cli[i] = demoAudit(demo, tmp, format)
		})
	}
	wg.Go(func() {
		sem <- struct{}{}
		defer func() { <-sem }()
		// What runAudit does without flags: the policy found from the
		// directory (the embedded default for the demo), all packages.
		src := policyfile.Choose("", demo)
		pol, err := src.Load(family.Rules(env.families()))
		if err != nil {
			directErr = err
			return
		}
		rep, err := audit.Run(context.Background(), audit.Options{
			Dir: demo, Patterns: []string{"./..."}, Policy: pol, PolicyFile: src.Path,
			Families: env.families(), Version: Version(),
		})
		if err != nil {
			directErr = err
			return
		}
		for i, format := range formats {
			render, err := renderer(format, env)
			if err != nil {
				directErr = err
				return
			}
			var buf bytes.Buffer
			if err := render(&buf, rep, renderOptions{}); err != nil {
				directErr = fmt.Errorf("rendering %s: %w", format, err)
				return
			}
			direct[i] = buf.String()
		}
		data, err := baseline.FromReport(rep).Encode()
		directBase, directErr = string(data), err
	})
	wg.Wait()

	if directErr != nil {
		t.Fatalf("the direct audit: %v", directErr)
	}
	for i, format := range formats {
		o := cli[i]
		// Writing a baseline succeeds with 0 (see exitCode).
		if o.code != ExitClean || o.stderr != "" || o.stdout == "" {
			t.Errorf("-format %s: the demo audit exits %d with stderr %q and %d bytes of output; want %d, no stderr, a report",
				format, o.code, o.stderr, len(o.stdout), ExitClean)
			continue
		}
		if o.stdout != direct[i] {
			t.Errorf("-format %s: two audits of the demo differ (- oneway audit, + audit.Run rendered):\n%s", format, lineDiff(o.stdout, direct[i]))
		}
		if o.baseline != directBase {
			t.Errorf("-format %s: the baselines of two audits differ:\n%s", format, lineDiff(directBase, o.baseline))
		}
	}
}

// TestDeterministicAcrossGOMAXPROCS builds oneway and runs the demo
// audit in two processes at once, with GOMAXPROCS=1 and 4: their JSON
// reports and baselines must be the same as each other and as the
// in-process audit's.
func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	if testing.Short() {
		t.Skip("builds oneway and runs it twice; skipped with -short")
	}
	t.Parallel()
	demo := demoDir(t)
	bin := filepath.Join(t.TempDir(), "oneway")
	// -buildvcs=false keeps the version "(devel)", as in the test binary.
	build := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "./cmd/oneway")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	procs := []string{"1", "4"}
	outs := make([]auditOutput, len(procs))
	var wg sync.WaitGroup
	for i, n := range procs {
		wg.Go(func() {
			tmp, err := os.MkdirTemp("", "oneway-gomaxprocs-")
			if err != nil {
				outs[i] = auditOutput{stderr: err.Error(), code: -1}
				return
			}
			defer func() { _ = os.RemoveAll(tmp) }()
			report, base := filepath.Join(tmp, "report.json"), filepath.Join(tmp, "base.json")
			cmd := exec.Command(bin, "audit", "-no-cache", "-format", "json", "-o", report, "-write-baseline", base, "./...")
			cmd.Dir = demo
			cmd.Env = append(os.Environ(), "GOMAXPROCS="+n)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			runErr := cmd.Run()
			o := auditOutput{stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
			if o.code < 0 {
				o.stderr += runErr.Error()
			}
			for _, f := range []struct {
				name string
				to   *string
			}{{report, &o.stdout}, {base, &o.baseline}} {
				data, err := os.ReadFile(f.name)
				*f.to = string(data)
				if err != nil {
					*f.to = "error: " + err.Error()
				}
			}
			outs[i] = o
		})
	}
	inProcess := demoJSONAudit(demo)
	wg.Wait()

	if o := outs[0]; o.code != ExitClean || o.stderr != "" || o.stdout == "" { // writing a baseline succeeds with 0
		t.Fatalf("GOMAXPROCS=1: %s", o)
	}
	for i, o := range outs[1:] {
		if o != outs[0] {
			t.Errorf("GOMAXPROCS=%s and GOMAXPROCS=1 differ:\n%s", procs[i+1], lineDiff(outs[0].String(), o.String()))
		}
	}
	if inProcess != outs[0] {
		t.Errorf("the built oneway and the in-process audit differ:\n%s", lineDiff(outs[0].String(), inProcess.String()))
	}
}
