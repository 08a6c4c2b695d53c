package baseline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/internal/report"
)

// decision returns a decision with just what the baseline looks at.
func decision(fp, rule, comp, subject, class string, cost int) report.Decision {
	return report.Decision{Fingerprint: fp, Rule: rule, Component: comp, Subject: subject, Class: class, Cost: cost,
		File: "a/" + fp + ".go", Line: 1}
}

func TestRead(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		want   *File  // nil when an error is expected
		err    string // a part of the error, when one is expected
		reason string
	}{
		{
			name:   "written",
			in:     `{"version": 1, "decisions": [{"fingerprint": "17eef2c19326da90", "rule": "data.shared-table", "component": "b", "subject": "accounts", "count": 2}]}`,
			want:   &File{Version: 1, Decisions: []Entry{{Fingerprint: "17eef2c19326da90", Rule: "data.shared-table", Component: "b", Subject: "accounts", Count: 2}}},
			reason: "what -write-baseline writes reads back as it was",
		},
		{
			name:   "empty",
			in:     `{"version": 1, "decisions": []}`,
			want:   &File{Version: 1, Decisions: []Entry{}},
			reason: "a code base without decisions has an empty baseline",
		},
		{
			name:   "no-decisions-key",
			in:     `{"version": 1}`,
			want:   &File{Version: 1},
			reason: "a missing list is an empty one",
		},
		{
			name:   "only-fingerprint",
			in:     `{"version": 1, "decisions": [{"fingerprint": "x", "count": 1}]}`,
			want:   &File{Version: 1, Decisions: []Entry{{Fingerprint: "x", Count: 1}}},
			reason: "rule, component and subject are for people; only the fingerprint and count matter",
		},
		{
			name:   "surrounding-space",
			in:     "\n\t {\"version\": 1, \"decisions\": []} \n\n",
			want:   &File{Version: 1, Decisions: []Entry{}},
			reason: "an editor's trailing newline is not data after the object",
		},
		{name: "other-version", in: `{"version": 7, "decisions": []}`, err: "baseline version 7, want 1", reason: "a future format must not be half-read"},
		{name: "no-version", in: `{"decisions": []}`, err: "baseline version 0, want 1", reason: "the version is required"},
		{name: "null", in: `null`, err: "baseline version 0, want 1", reason: "JSON null is no baseline"},
		{name: "empty-input", in: ``, err: "not a oneway baseline: EOF", reason: "an empty file (a failed redirect) is an error, not an empty baseline"},
		{name: "report", in: `{"version": 1, "tool": "(devel)", "decisions": []}`, err: `unknown field "tool"`, reason: "a JSON report given as the baseline is recognised as the wrong file"},
		{name: "unknown-entry-field", in: `{"version": 1, "decisions": [{"fingerprint": "x", "count": 1, "line": 3}]}`, err: `unknown field "line"`, reason: "strict inside entries too"},
		{name: "no-fingerprint", in: `{"version": 1, "decisions": [{"rule": "r", "count": 1}]}`, err: "baseline entry 1: a fingerprint and a count", reason: "an entry that matches nothing is a mistake"},
		{name: "zero-count", in: `{"version": 1, "decisions": [{"fingerprint": "x", "count": 1}, {"fingerprint": "y", "count": 0}]}`, err: "baseline entry 2: ", reason: "entries are numbered from 1"},
		{name: "negative-count", in: `{"version": 1, "decisions": [{"fingerprint": "x", "count": -3}]}`, err: "baseline entry 1: ", reason: "a negative count would un-baseline other entries"},
		{name: "fractional-count", in: `{"version": 1, "decisions": [{"fingerprint": "x", "count": 1.5}]}`, err: "not a oneway baseline", reason: "counts are whole numbers"},
		{name: "two-objects", in: `{"version": 1, "decisions": []} {"version": 1, "decisions": []}`, err: "data after the JSON object", reason: "two files pasted together"},
		{name: "truncated", in: `{"version": 1, "decisions": [{"fingerprint": "x"`, err: "not a oneway baseline: unexpected EOF", reason: "a file cut short by a full disk"},
		{name: "array", in: `[]`, err: "not a oneway baseline", reason: "the top level is an object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(c.in))
			if c.want == nil {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("Read(%q) = %+v, %v; want an error containing %q (%s)", c.in, got, err, c.err, c.reason)
				}
				if got != nil {
					t.Errorf("Read(%q) returned a file with its error (%s)", c.in, c.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("Read(%q): %v (%s)", c.in, err, c.reason)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Read(%q) =\n%#v\nwant\n%#v\n(%s)", c.in, got, c.want, c.reason)
			}
		})
	}
}

func TestFromReport(t *testing.T) {
	cases := []struct {
		name      string
		decisions []report.Decision
		want      []Entry
		reason    string
	}{
		{
			name:   "empty",
			want:   []Entry{},
			reason: "no decisions: an empty list, encoded as [] not null",
		},
		{
			name: "merged-and-sorted",
			decisions: []report.Decision{
				decision("f2", "data.shared-table", "orders", "customers", report.InvestNow, 90),
				decision("f1", "api.unversioned-route", "web", "/", report.CheapLater, 10),
				decision("f2", "data.shared-table", "orders", "customers", report.InvestNow, 80),
				decision("f3", "data.shared-table", "billing", "invoices", report.InvestNow, 70),
			},
			want: []Entry{
				{Fingerprint: "f1", Rule: "api.unversioned-route", Component: "web", Subject: "/", Count: 1},
				{Fingerprint: "f3", Rule: "data.shared-table", Component: "billing", Subject: "invoices", Count: 1},
				{Fingerprint: "f2", Rule: "data.shared-table", Component: "orders", Subject: "customers", Count: 2},
			},
			reason: "one entry per fingerprint with its count, sorted by rule, component, subject",
		},
		{
			name: "accepted-and-baselined-count",
			decisions: []report.Decision{
				decision("f1", "data.select-star", "a", "t", report.Accepted, 5),
				func() report.Decision {
					d := decision("f2", "data.select-star", "a", "u", report.CheapLater, 5)
					d.Baselined = true
					return d
				}(),
			},
			want: []Entry{
				{Fingerprint: "f1", Rule: "data.select-star", Component: "a", Subject: "t", Count: 1},
				{Fingerprint: "f2", Rule: "data.select-star", Component: "a", Subject: "u", Count: 1},
			},
			reason: "accepted decisions are recorded, so they do not come back as new when the directive goes",
		},
		{
			name: "same-fields-other-fingerprint",
			decisions: []report.Decision{
				decision("fb", "coupling.cycle", "", "", report.InvestNow, 50),
				decision("fa", "coupling.cycle", "", "", report.InvestNow, 50),
			},
			want: []Entry{
				{Fingerprint: "fa", Rule: "coupling.cycle", Count: 1},
				{Fingerprint: "fb", Rule: "coupling.cycle", Count: 1},
			},
			reason: "the fingerprint breaks ties: the file does not depend on the report's order",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := FromReport(&report.Report{Decisions: c.decisions})
			if f.Version != Version {
				t.Errorf("version %d, want %d", f.Version, Version)
			}
			if !reflect.DeepEqual(f.Decisions, c.want) {
				t.Errorf("FromReport =\n%#v\nwant\n%#v\n(%s)", f.Decisions, c.want, c.reason)
			}
			// Reversing the report's order changes nothing.
			rev := append([]report.Decision(nil), c.decisions...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if g := FromReport(&report.Report{Decisions: rev}); !reflect.DeepEqual(g, f) {
				t.Errorf("FromReport depends on the report's order:\n%#v\n%#v", g, f)
			}
			data, err := f.Encode()
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("Read(Encode()): %v\n%s", err, data)
			}
			if !reflect.DeepEqual(back, f) {
				t.Errorf("Read(Encode()) =\n%#v\nwant\n%#v", back, f)
			}
		})
	}
}

func TestEncode(t *testing.T) {
	f := FromReport(&report.Report{Decisions: []report.Decision{
		decision("17eef2c19326da90", "data.shared-table", "b", "accounts", report.InvestNow, 72),
	}})
	data, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	// The format the baseline.txtar script and users' repositories hold.
	want := `{
  "version": 1,
  "decisions": [
    {
      "fingerprint": "17eef2c19326da90",
      "rule": "data.shared-table",
      "component": "b",
      "subject": "accounts",
      "count": 1
    }
  ]
}
`
	if string(data) != want {
		t.Errorf("Encode =\n%s\nwant\n%s", data, want)
	}
	empty, err := FromReport(&report.Report{}).Encode()
	if err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"version\": 1,\n  \"decisions\": []\n}\n"; string(empty) != want {
		t.Errorf("empty baseline encodes as %q, want %q", empty, want)
	}
}

func TestApply(t *testing.T) {
	inv := func(fp string, cost int) report.Decision { return decision(fp, "r", "c", fp, report.InvestNow, cost) }
	cases := []struct {
		name      string
		decisions []report.Decision
		baseline  []Entry
		baselined []bool // per decision, in the report's sorted order
		resolved  int
		newInvest int
		reason    string
	}{
		{
			name:      "no-baseline-entries",
			decisions: []report.Decision{inv("a", 50), inv("b", 40)},
			baselined: []bool{false, false},
			newInvest: 2,
			reason:    "an empty baseline makes every decision new",
		},
		{
			name:      "all-known",
			decisions: []report.Decision{inv("a", 50), inv("b", 40)},
			baseline:  []Entry{{Fingerprint: "a", Count: 1}, {Fingerprint: "b", Count: 1}},
			baselined: []bool{true, true},
			reason:    "nothing new: the build passes",
		},
		{
			name:      "one-more-than-recorded",
			decisions: []report.Decision{inv("a", 50), inv("a", 45), inv("a", 40)},
			baseline:  []Entry{{Fingerprint: "a", Count: 2}},
			baselined: []bool{true, true, false},
			newInvest: 1,
			reason:    "a fingerprint occurring more often than recorded has new decisions; the cheapest in report order is the new one",
		},
		{
			name:      "split-entries",
			decisions: []report.Decision{inv("a", 50), inv("a", 45)},
			baseline:  []Entry{{Fingerprint: "a", Count: 1}, {Fingerprint: "a", Count: 1}},
			baselined: []bool{true, true},
			reason:    "entries of one fingerprint add up (a hand-merged file)",
		},
		{
			name:      "resolved",
			decisions: []report.Decision{inv("a", 50)},
			baseline:  []Entry{{Fingerprint: "a", Count: 3}, {Fingerprint: "gone", Count: 2}},
			baselined: []bool{true},
			resolved:  4,
			reason:    "entries no decision claims are resolved decisions, counted one by one",
		},
		{
			name: "cheap-later-and-accepted",
			decisions: []report.Decision{
				decision("c", "r", "c", "c", report.CheapLater, 10),
				decision("d", "r", "c", "d", report.Accepted, 60),
			},
			baseline:  []Entry{{Fingerprint: "c", Count: 1}},
			baselined: []bool{true, false},
			reason:    "only invest-now decisions count as new; the others are marked all the same",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &report.Report{Decisions: append([]report.Decision(nil), c.decisions...)}
			r.Sort()
			resolved := Apply(r, &File{Version: Version, Decisions: c.baseline})
			var got []bool
			for _, d := range r.Decisions {
				got = append(got, d.Baselined)
			}
			if !reflect.DeepEqual(got, c.baselined) {
				t.Errorf("baselined = %v, want %v (%s)", got, c.baselined, c.reason)
			}
			if resolved != c.resolved || r.Summary.Resolved != c.resolved {
				t.Errorf("resolved = %d (summary %d), want %d (%s)", resolved, r.Summary.Resolved, c.resolved, c.reason)
			}
			if r.Summary.NewInvestNow != c.newInvest {
				t.Errorf("new invest-now = %d, want %d (%s)", r.Summary.NewInvestNow, c.newInvest, c.reason)
			}
		})
	}
}

// TestApplyHugeCounts: counts near the int limit must not make Apply's
// sums overflow (a negative resolved count, a recorded decision reported
// as new): Read rejects them, or Apply saturates.
func TestApplyHugeCounts(t *testing.T) {
	in := fmt.Sprintf(`{"version": 1, "decisions": [{"fingerprint": "a", "count": %d}, {"fingerprint": "a", "count": %d}]}`, math.MaxInt, math.MaxInt)
	f, err := Read(strings.NewReader(in))
	if err != nil {
		return // rejecting such a file is a fine answer too
	}
	r := &report.Report{Decisions: []report.Decision{decision("a", "r", "c", "a", report.InvestNow, 50)}}
	r.Sort()
	resolved := Apply(r, f)
	if resolved < 0 || !r.Decisions[0].Baselined {
		t.Errorf("a baseline with two entries of count MaxInt overflows Apply: resolved = %d, decision baselined = %v (want the file rejected, or counts that saturate)", resolved, r.Decisions[0].Baselined)
	}
}

// TestReadTrailingData: Read rejects data after the object, a closing
// bracket or brace too (json.Decoder.More reports false for them).
func TestReadTrailingData(t *testing.T) {
	for _, in := range []string{
		`{"version": 1, "decisions": []}]`,
		`{"version": 1, "decisions": []}}`,
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read accepts %q: the data after the JSON object is not valid JSON", in)
		}
	}
}

// FuzzRead checks that Read never panics, that whatever it accepts is
// valid JSON with a supported version and entries that each match
// something, that it survives a round trip through Encode, and that
// Apply on it never reports fewer than zero resolved decisions. Crashers
// found are kept in testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	seeds := []string{
		`{"version": 1, "decisions": []}`,
		`{"version": 1, "decisions": [{"fingerprint": "17eef2c19326da90", "rule": "data.shared-table", "component": "b", "subject": "accounts", "count": 1}]}`,
		`{"version": 1, "decisions": [{"fingerprint": "a", "count": 2}, {"fingerprint": "a", "count": 3}]}`,
		`{"version": 7, "decisions": []}`,
		`{"version": 1, "decisions": null}`,
		`{"version": 1}`,
		`{"version": 1, "decisions": [{"fingerprint": "", "count": 1}]}`,
		`{"version": 1, "decisions": [{"fingerprint": "x", "count": 0}]}`,
		`{"version": 1, "decisions": [{"fingerprint": "x", "count": 1e3}]}`,
		`{"version": 1, "decisions": [{"fingerprint": "\u0000\ud800", "count": 1}]}`,
		`{"version": 1, "decisions": []} {}`,
		`{"Version": 1, "DECISIONS": []}`,
		`{"version": 1, "version": 7}`,
		"\ufeff{\"version\": 1}",
		`null`, `[]`, `""`, ``, `{`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Read(bytes.NewReader(data))
		if err != nil {
			if b != nil {
				t.Fatalf("Read returned a file and the error %v", err)
			}
			return
		}
		if b.Version != Version {
			t.Fatalf("Read accepted version %d", b.Version)
		}
		total := 0
		for i, e := range b.Decisions {
			if e.Fingerprint == "" || e.Count < 1 {
				t.Fatalf("Read accepted entry %d: %+v", i+1, e)
			}
			if total <= math.MaxInt-e.Count {
				total += e.Count
			} else {
				total = math.MaxInt
			}
		}
		enc, err := b.Encode()
		if err != nil {
			t.Fatalf("Encode of an accepted file: %v", err)
		}
		again, err := Read(bytes.NewReader(enc))
		if err != nil {
			t.Fatalf("Read(Encode(Read(data))): %v\n%s", err, enc)
		}
		if !reflect.DeepEqual(again, b) {
			t.Fatalf("round trip changed the file:\n%#v\n%#v", b, again)
		}
		// Apply on a report without decisions: every entry is resolved.
		r := &report.Report{}
		if resolved := Apply(r, b); resolved < 0 || resolved > total {
			t.Errorf("Apply reports %d resolved decisions for entries counting %d (see TestApplyHugeCounts)", resolved, total)
		}
		if !json.Valid(bytes.TrimSpace(data)) {
			t.Errorf("Read accepted input that is not valid JSON: %q (see TestReadTrailingData)", data)
		}
	})
}
