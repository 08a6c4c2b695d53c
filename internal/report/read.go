package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ReadJSON decodes a report written by [JSON]. It checks the schema
// version (a report without one, or of another version, is an error:
// field names are only stable within a version) and returns the report
// in its canonical order (see [Report.Sort]). Fields it does not know are
// ignored, since a version may gain fields.
func ReadJSON(rd io.Reader) (*Report, error) {
	dec := json.NewDecoder(rd)
	var r Report
	if err := dec.Decode(&r); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("not a oneway JSON report: empty input")
		}
		return nil, fmt.Errorf("not a oneway JSON report: %w", err)
	}
	if dec.More() {
		return nil, errors.New("not a oneway JSON report: data after the report")
	}
	switch {
	case r.Version == 0:
		return nil, errors.New("not a oneway JSON report: no version (write one with oneway audit -format json)")
	case r.Version != SchemaVersion:
		return nil, fmt.Errorf("oneway JSON report version %d is not supported (this oneway reads version %d)", r.Version, SchemaVersion)
	}
	r.Sort()
	return &r, nil
}
