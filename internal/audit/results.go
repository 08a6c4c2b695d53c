package audit

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"

	"github.com/oneway-lint/oneway/internal/report"
)

// The results cache's entries: whole reports, keyed by everything they
// depend on (resultskey.go).

// cacheable reports whether a report may be stored: it has no package
// problems (which may come from the environment: a module that could not
// be downloaded), and it did not read the change log of a shallow clone
// (fetching more history changes the log without changing HEAD, which is
// all the key holds of it).
func cacheable(r *report.Report) bool {
	if r.History != nil && r.History.Shallow {
		return false
	}
	for _, p := range r.Problems {
		if p.Kind == report.PackageProblem {
			return false
		}
	}
	return true
}

// reportEncoding changes when the encoding of cached reports changes.
const reportEncoding = "oneway report gob 1"

// encodeReport writes a report for the cache: gob, after a header naming
// the encoding. Gob keeps every string's bytes (the text renderer
// escapes invalid UTF-8) and every float; it keeps no empty list, which
// decodeReport's Normalize restores.
func encodeReport(r *report.Report) ([]byte, error) {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(reportEncoding); err != nil {
		return nil, err
	}
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeReport reads a report written by encodeReport, in its normal
// form (report.Report.Normalize).
func decodeReport(data []byte) (*report.Report, error) {
	rd := bytes.NewReader(data)
	dec := gob.NewDecoder(rd)
	var header string
	if err := dec.Decode(&header); err != nil {
		return nil, err
	}
	if header != reportEncoding {
		return nil, fmt.Errorf("cached report encoded as %q", header)
	}
	r := new(report.Report)
	if err := dec.Decode(r); err != nil {
		return nil, err
	}
	if rd.Len() != 0 {
		return nil, errors.New("trailing data")
	}
	r.Normalize()
	return r, nil
}
