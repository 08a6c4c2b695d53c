package policy

import (
	"errors"
	"os"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// FuzzParse checks that Parse never panics, that its errors are
// well-formed, and that what it accepts is valid and can be queried.
// The seeds are the policies of the other tests, valid and broken;
// crashers found are kept in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"example.yml", "default.yml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, c := range append(parseCases(), parseErrorCases()...) {
		f.Add([]byte(c.src))
	}
	f.Add([]byte(queries))
	f.Add([]byte("\ufeffversion: 1\n"))                                        // a byte order mark
	f.Add([]byte("version: 1\nstage: !!binary c2NhbGU=\n"))                    // a binary scalar
	f.Add([]byte("version: 1\nexclude: [[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]\n"))  // deep nesting
	f.Add([]byte("version: 1\n<<: {stage: scale}\nrules: {? [a]: {}}\n...\n")) // a merge key, a complex key

	rules := testRules()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yml", data, rules)
		if err != nil {
			checkFuzzErrors(t, p, err)
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("Parse accepted a policy that Validate rejects:\n%v", err)
		}
		query(p, rules)
	})
}

// checkFuzzErrors checks that a failed parse returned no policy and a
// sorted, non-empty Errors whose every problem has a place and a message.
func checkFuzzErrors(t *testing.T, p *Policy, err error) {
	if p != nil {
		t.Fatal("Parse returned a policy and an error")
	}
	var errs Errors
	if !errors.As(err, &errs) || len(errs) == 0 {
		t.Fatalf("Parse error is %T %v, want a non-empty Errors", err, err)
	}
	for i, e := range errs {
		if e.File != "fuzz.yml" || e.Line < 1 || e.Col < 1 || e.Msg == "" {
			t.Fatalf("malformed problem %#v", e)
		}
		if i > 0 && (e.Line < errs[i-1].Line || e.Line == errs[i-1].Line && e.Col < errs[i-1].Col) {
			t.Fatalf("problems out of order:\n%v", err)
		}
	}
}

// query asks p everything the driver asks; none of it may panic.
func query(p *Policy, rules []finding.Rule) {
	comps := []string{"", "none"}
	for _, c := range p.Components {
		comps = append(comps, c.Name)
		p.CriticalityOf(c.Name)
	}
	for _, r := range rules {
		p.Enabled(r.ID)
		p.Weight(r)
		p.Ignored(r.ID, "/healthz")
		for _, o := range r.Options {
			p.Option(r, o.Name)
		}
		for _, c := range comps {
			_ = p.Score(r, finding.Evidence{Sites: 3, Packages: 2, Public: true}, c).String()
		}
	}
	p.Specs()
	p.Resolver(nil).Resolve("example.com/x")
	p.Excluded("internal/gen/x.go")
}

func BenchmarkParseExample(b *testing.B) {
	data, err := os.ReadFile("example.yml")
	if err != nil {
		b.Fatal(err)
	}
	rules := testRules()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("example.yml", data, rules); err != nil {
			b.Fatal(err)
		}
	}
}
