package audit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// The benchmarks in this file audit pathological code bases that they
// generate in b.TempDir(): how much time and memory does one audit take
// at the limits a linter on pull requests may meet? Run them once each:
//
//	go test -run '^$' -bench Limits -benchtime 1x ./internal/audit/
//
// Besides ns/op, B/op and allocs/op they report the decisions, tables
// and routes found and the process's peak resident memory (maxRSS-MB,
// which only grows over the benchmark binary's life: run one benchmark
// per process to read it for that one).

// writeTree writes files (slash-separated path → content) below dir.
func writeTree(b testing.TB, dir string, files map[string]string) {
	b.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// benchAudit audits dir once per iteration with oneway's families and
// the default policy, and reports what the last audit found.
func benchAudit(b *testing.B, dir string) *report.Report {
	b.Helper()
	fams, pol := analyzers.Families(), policy.Default(analyzers.Rules())
	b.ReportAllocs()
	b.ResetTimer()
	var rep *report.Report
	for b.Loop() {
		var err error
		rep, err = Run(context.Background(), Options{Dir: dir, Policy: pol, Families: fams, Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if len(rep.Problems) > 0 {
		b.Fatalf("problems: %+v", rep.Problems[0])
	}
	b.ReportMetric(float64(len(rep.Decisions)), "decisions")
	b.ReportMetric(float64(len(rep.Inventory.Tables)), "tables")
	b.ReportMetric(float64(len(rep.Inventory.Routes)), "routes")
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "maxRSS-MB") // kilobytes on Linux
	}
	return rep
}

const dbInterface = `// Package db declares what runs SQL.
package db

// DB runs SQL.
type DB interface {
	Exec(query string, args ...any) error
	Query(query string, args ...any) error
}
`

// BenchmarkLimitsSQLLiteral10MB audits a package with one SQL string
// literal of 10 MB: an UPDATE of a million columns, written out in the
// source, and a second package writing the same table.
func BenchmarkLimitsSQLLiteral10MB(b *testing.B) {
	dir := b.TempDir()
	const size = 10 << 20
	var q strings.Builder
	q.Grow(size + 100)
	q.WriteString("UPDATE wide SET ")
	for i := 0; q.Len() < size; i++ {
		fmt.Fprintf(&q, "c%d = %d, ", i, i)
	}
	q.WriteString("z = 0 WHERE id = $1")
	writeTree(b, dir, map[string]string{
		"go.mod":   "module example.com/huge\n\ngo 1.24\n",
		"db/db.go": dbInterface,
		"wide/wide.go": "// Package wide sets every column.\npackage wide\n\nimport \"example.com/huge/db\"\n\n" +
			"// Reset resets a row.\nfunc Reset(d db.DB, id int) error {\n\treturn d.Exec(\"" + q.String() + "\", id)\n}\n",
		"other/other.go": "// Package other deletes rows of the wide table.\npackage other\n\nimport \"example.com/huge/db\"\n\n" +
			"// Drop deletes a row.\nfunc Drop(d db.DB, id int) error { return d.Exec(\"DELETE FROM wide WHERE id = $1\", id) }\n",
	})
	rep := benchAudit(b, dir)
	if len(rep.Inventory.Tables) != 1 || rep.Summary.InvestNow != 1 {
		b.Errorf("want the table wide, shared: %d tables, %d invest-now", len(rep.Inventory.Tables), rep.Summary.InvestNow)
	}
}

// BenchmarkLimitsRoutes100k audits one package that registers 100,000
// routes on a net/http ServeMux handed to it, and a function that
// serves that mux: the routes travel in a fact and are listed in full.
func BenchmarkLimitsRoutes100k(b *testing.B) {
	dir := b.TempDir()
	const n = 100_000
	var src strings.Builder
	src.WriteString("// Package web registers many routes.\npackage web\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request) {}\n\n// Register registers the routes on mux.\nfunc Register(mux *http.ServeMux) {\n")
	for i := range n {
		fmt.Fprintf(&src, "\tmux.HandleFunc(\"GET /api/r%d/{id}\", h)\n", i)
	}
	src.WriteString("}\n\n// Serve serves them.\nfunc Serve() error {\n\tmux := http.NewServeMux()\n\tRegister(mux)\n\treturn http.ListenAndServe(\":8080\", mux)\n}\n")
	writeTree(b, dir, map[string]string{
		"go.mod":     "module example.com/routes\n\ngo 1.24\n",
		"web/web.go": src.String(),
	})
	rep := benchAudit(b, dir)
	if len(rep.Inventory.Routes) != n {
		b.Errorf("%d routes found, want %d", len(rep.Inventory.Routes), n)
	}
}

// BenchmarkLimitsComponentCycle5000 audits 5,000 packages in 2,500
// components (top-level directories) whose dependencies form one cycle
// through all of them, without an import cycle: cNNNN/a calls the a of
// the next component, and the last one's a calls c0000/b.
func BenchmarkLimitsComponentCycle5000(b *testing.B) {
	dir := b.TempDir()
	const comps = 2500
	files := map[string]string{"go.mod": "module example.com/ring\n\ngo 1.24\n"}
	for i := range comps {
		c := fmt.Sprintf("c%04d", i)
		next := fmt.Sprintf("example.com/ring/c%04d/a", i+1)
		call := "next.F() + 1"
		if i == comps-1 {
			next, call = "example.com/ring/c0000/b", "next.G() + 1"
		}
		files[c+"/a/a.go"] = fmt.Sprintf("// Package a is the entry of component %s.\npackage a\n\nimport next %q\n\n// F calls on.\nfunc F() int { return %s }\n", c, next, call)
		files[c+"/b/b.go"] = fmt.Sprintf("// Package b is the leaf of component %s.\npackage b\n\n// G returns one.\nfunc G() int { return 1 }\n", c)
	}
	writeTree(b, dir, files)
	rep := benchAudit(b, dir)
	if rep.Summary.Packages != 2*comps {
		b.Errorf("%d packages analysed, want %d", rep.Summary.Packages, 2*comps)
	}
	cycles := 0
	for _, d := range rep.Decisions {
		if strings.Contains(d.Rule, "cycle") {
			cycles++
		}
	}
	b.ReportMetric(float64(cycles), "cycle-decisions")
}
