package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// built is the oneway binary the tests share, built once.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		_ = os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildOneway builds the oneway binary, once for all the tests.
func buildOneway(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs go vet; skipped with -short")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "oneway-test-bin"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "oneway")
		if out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// copyDemo copies the demo code base into a fresh directory, so that
// the test can write policies next to it.
func copyDemo(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "demo")
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// goVet runs go vet with the tool and returns its output with the lines
// sorted: go vet prints packages in the order they finish.
func goVet(t *testing.T, dir, bin string, extra ...string) (string, error) {
	t.Helper()
	args := append([]string{"vet", "-vettool=" + bin}, extra...)
	args = append(args, "./...")
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ONEWAY_POLICY=")
	out, err := cmd.CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n"), err
}

// TestVetOnDemo: go vet -vettool on the demo reports what one package
// can decide, with its class and cost.
func TestVetOnDemo(t *testing.T) {
	t.Parallel()
	bin := buildOneway(t)
	out, err := goVet(t, copyDemo(t), bin)
	if strings.Contains(out, "oneway:") || strings.Contains(out, "panic") {
		t.Fatalf("go vet -vettool failed on the demo: %v\n%s", err, out)
	}
	for _, want := range []string{
		"orders/store.go:77:15: select * from order_items couples the code to every column of order_items [data.select-star, cheap-later, cost 12]",
		"[coupling.concrete-dependency, cost ≥ 8 from this package alone; oneway audit decides the class]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go vet -vettool on the demo does not report %q:\n%s", want, out)
		}
	}
}

// smallModule writes a module whose one decision under go vet is a
// SELECT * in orders: each edit of a policy makes go vet run the tool on
// every package again, the standard library's too, so the policy tests
// use a module that imports none of it (its own interface runs the SQL).
func smallModule(t *testing.T) (dir, selectStar string) {
	t.Helper()
	dir = t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/edits\n\ngo 1.24\n",
		"orders/store.go": `// Package orders stores orders.
package orders

// DB runs SQL.
type DB interface {
	Query(query string, args ...any) error
}

// Items reads every column of order_items.
func Items(db DB) error {
	return db.Query("SELECT * FROM order_items")
}
`,
	})
	return dir, "orders/store.go:11:9: select * from order_items"
}

// TestVetToolFollowsPolicyEdits checks that an edited policy takes
// effect under go vet without cleaning any cache: a policy made invalid
// after a successful, cached run must make the next run fail, and
// mending it must make it pass again.
func TestVetToolFollowsPolicyEdits(t *testing.T) {
	t.Parallel()
	bin := buildOneway(t)
	dir, selectStar := smallModule(t)
	policy := filepath.Join(dir, ".oneway.yml")

	write := func(data string) {
		t.Helper()
		if err := os.WriteFile(policy, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("version: 1\nstage: traction\n")
	first, err := goVet(t, dir, bin)
	if !strings.Contains(first, selectStar) || strings.Contains(first, "oneway:") {
		t.Fatalf("go vet -vettool does not report %q: %v\n%s", selectStar, err, first)
	}

	// -invest-now-only: the cheap-later SELECT * does not fail the run.
	if out, err := goVet(t, dir, bin, "-invest-now-only"); err != nil || strings.Contains(out, "select *") {
		t.Errorf("go vet -invest-now-only reports a cheap-later decision or fails: %v\n%s", err, out)
	}

	// Switching a rule off takes effect at once.
	write("version: 1\nstage: traction\nrules:\n  data.select-star:\n    enabled: false\n")
	if out, _ := goVet(t, dir, bin); strings.Contains(out, "data.select-star") {
		t.Errorf("after data.select-star was switched off, go vet still reports it (a stale cache?):\n%s", out)
	}

	write("version: 1\nstage: warp\n")
	out, err := goVet(t, dir, bin)
	if err == nil || !strings.Contains(out, ".oneway.yml:2:8") {
		t.Fatalf("after the policy was broken, go vet still passed (a stale cache?): %v\n%s", err, out)
	}

	write("version: 1\nstage: traction\n")
	again, _ := goVet(t, dir, bin)
	if again != first {
		t.Errorf("after the policy was mended, the output differs from the first run:\nfirst:\n%s\nnow:\n%s", first, again)
	}

	// The same through -policy on the go vet command line.
	other := filepath.Join(dir, "other.yml")
	if err := os.WriteFile(other, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _ := goVet(t, dir, bin, "-policy=other.yml"); out != first {
		t.Errorf("with -policy: output differs from the first run:\n%s", out)
	}
	if err := os.WriteFile(other, []byte("version: 1\nstage: warp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := goVet(t, dir, bin, "-policy=other.yml"); err == nil || !strings.Contains(out, "other.yml:2:8") {
		t.Errorf("after the -policy file was broken, go vet still passed: %v\n%s", err, out)
	}
}

// TestVetToolFollowsNestedPolicy: a package finds its policy from its own
// directory, so a .oneway.yml below the module root governs the packages
// under it; creating, editing and removing it takes effect at once,
// without cleaning go vet's cache.
func TestVetToolFollowsNestedPolicy(t *testing.T) {
	t.Parallel()
	bin := buildOneway(t)
	dir, selectStar := smallModule(t)
	first, _ := goVet(t, dir, bin)
	if !strings.Contains(first, selectStar) {
		t.Fatalf("go vet -vettool does not report %q:\n%s", selectStar, first)
	}
	nested := filepath.Join(dir, "orders", ".oneway.yml")
	write := func(data string) {
		t.Helper()
		if err := os.WriteFile(nested, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("version: 1\nrules:\n  data.select-star:\n    enabled: false\n")
	if out, _ := goVet(t, dir, bin); strings.Contains(out, selectStar) {
		t.Errorf("a nested policy switching data.select-star off is not followed (a stale cache?):\n%s", out)
	}
	write("version: 1\n")
	if out, _ := goVet(t, dir, bin); !strings.Contains(out, selectStar) {
		t.Errorf("after the nested policy was edited back, go vet does not report %q (a stale cache?):\n%s", selectStar, out)
	}
	write("version: 1\nrules:\n  data.select-star:\n    enabled: false\n")
	if out, _ := goVet(t, dir, bin); strings.Contains(out, selectStar) {
		t.Errorf("the nested policy edited again is not followed:\n%s", out)
	}
	if err := os.Remove(nested); err != nil {
		t.Fatal(err)
	}
	if again, _ := goVet(t, dir, bin); again != first {
		t.Errorf("after the nested policy was removed, the output differs from the first run:\nfirst:\n%s\nnow:\n%s", first, again)
	}
}

// TestVetAndAuditAgreeOnDirectives: go vet -vettool (and the
// golangci-lint plugin, which wraps the analyzers the same way) and
// oneway audit apply one filter: a directive above a decision's related
// location accepts it in both, a generated file's decision is in
// neither, and a decision nothing accepts is reported by both.
func TestVetAndAuditAgreeOnDirectives(t *testing.T) {
	bin := buildOneway(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/agree\n\ngo 1.24\n",
		"store/schema.go": `// Package store creates its tables, once per database dialect.
package store

import "database/sql"

// Postgres creates the schema on PostgreSQL.
func Postgres(db *sql.DB) error {
	_, err := db.Exec("CREATE TABLE IF NOT EXISTS events (id INT, meta JSONB)")
	return err
}

// SQLite creates the same schema on SQLite: the second declaration of
// the column, a related location of the one decision.
func SQLite(db *sql.DB) error {
	//oneway:accept data.catch-all-column event metadata is opaque to us, see ADR-7
	_, err := db.Exec("CREATE TABLE IF NOT EXISTS events (id INT, meta JSON)")
	return err
}

// Orders reads every column.
func Orders(db *sql.DB) error {
	_, err := db.Query("SELECT * FROM orders")
	return err
}
`,
		"store/gen.go": `// Code generated by a tool. DO NOT EDIT.

package store

import "database/sql"

func generatedQuery(db *sql.DB) error {
	_, err := db.Query("SELECT * FROM invoices")
	return err
}
`,
	}
	writeFiles(t, dir, files)
	vet, _ := goVet(t, dir, bin)
	cmd := exec.Command(bin, "audit", "-format", "json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ONEWAY_POLICY=")
	audit, err := cmd.Output()
	if err != nil && cmd.ProcessState.ExitCode() > 1 {
		t.Fatalf("oneway audit: %v\n%s", err, audit)
	}
	for _, c := range []struct{ what, vetHas, auditHas string }{
		{"the unaccepted decision", "select * from orders", `"message": "select * from orders`},
	} {
		if !strings.Contains(vet, c.vetHas) || !strings.Contains(string(audit), c.auditHas) {
			t.Errorf("%s: go vet and the audit disagree:\nvet:\n%s\naudit:\n%s", c.what, vet, audit)
		}
	}
	if !strings.Contains(string(audit), `"reason": "event metadata is opaque to us, see ADR-7"`) {
		t.Errorf("the audit does not accept the catch-all column at its related location:\n%s", audit)
	}
	for _, absent := range []string{"catch-all-column", "invoices"} {
		if strings.Contains(vet, absent) {
			t.Errorf("go vet reports %q, which the audit accepts or leaves out:\n%s", absent, vet)
		}
	}
	var rep struct {
		Decisions []struct{ Message string }
	}
	if err := json.Unmarshal(audit, &rep); err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Decisions {
		if strings.Contains(d.Message, "invoices") {
			t.Errorf("the audit reports a decision of a generated file: %s", d.Message)
		}
	}
}
