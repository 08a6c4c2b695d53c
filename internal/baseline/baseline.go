// Package baseline records the decisions of an audit so that later audits
// fail only on new ones.
//
// A baseline is a small, sorted JSON file: one entry per fingerprint with
// how many decisions share it. A decision of a later audit is baselined
// while its fingerprint has entries left; entries no decision claims are
// resolved decisions.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/oneway-lint/oneway/internal/report"
)

// Version is the baseline file format's version.
const Version = 1

// maxCount bounds an entry's count.
const maxCount = 1 << 30

// File is a baseline.
type File struct {
	Version   int     `json:"version"`
	Decisions []Entry `json:"decisions"`
}

// Entry is one fingerprint of the baseline. Rule, component and subject
// are there for the people who review the file.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Component   string `json:"component,omitempty"`
	Subject     string `json:"subject,omitempty"`
	Count       int    `json:"count"`
}

// FromReport records every decision of r, accepted ones included (they
// are decisions too: if the directive goes, they must not come back as new).
func FromReport(r *report.Report) *File {
	by := map[string]*Entry{}
	for _, d := range r.Decisions {
		e := by[d.Fingerprint]
		if e == nil {
			e = &Entry{Fingerprint: d.Fingerprint, Rule: d.Rule, Component: d.Component, Subject: d.Subject}
			by[d.Fingerprint] = e
		}
		e.Count++
	}
	f := &File{Version: Version, Decisions: []Entry{}}
	for _, e := range by {
		f.Decisions = append(f.Decisions, *e)
	}
	slices.SortFunc(f.Decisions, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Component, b.Component),
			cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	return f
}

// Encode returns the file's JSON.
func (f *File) Encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Read decodes a baseline, strictly: unknown fields, another version,
// entries without a fingerprint or with a count below one are errors.
func Read(r io.Reader) (*File, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not a oneway baseline: %w", err)
	}
	// dec.More is false before a stray "]" or "}": ask for the next token.
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("not a oneway baseline: data after the JSON object")
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline version %d, want %d", f.Version, Version)
	}
	for i, e := range f.Decisions {
		if e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("baseline entry %d: a fingerprint and a count of at least 1 are required", i+1)
		}
		// Counts add up in Apply: a bound keeps the sums from overflowing.
		if e.Count > maxCount {
			return nil, fmt.Errorf("baseline entry %d: count %d is more decisions than an audit makes", i+1, e.Count)
		}
	}
	return &f, nil
}

// Apply marks the decisions of r that the baseline records as Baselined
// and returns how many baseline entries no decision claimed (resolved).
// r must be sorted; the summary is recomputed.
func Apply(r *report.Report, f *File) (resolved int) {
	left := map[string]int{}
	for _, e := range f.Decisions {
		left[e.Fingerprint] += e.Count
	}
	for i := range r.Decisions {
		d := &r.Decisions[i]
		if left[d.Fingerprint] > 0 {
			left[d.Fingerprint]--
			d.Baselined = true
		}
	}
	for _, n := range left {
		resolved += n
	}
	r.Summary.Resolved = resolved
	r.Sort()
	return resolved
}
