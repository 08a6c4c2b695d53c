// Package apierr is an API client's error, whose message holds its
// details as indented JSON encoded into a buffer through an encoder
// variable, as googleapi.Error does: no response is written.
package apierr

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Error is what the service answered.
type Error struct {
	Code    int
	Details []any
}

func (e *Error) Error() string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "error %d", e.Code)
	var details bytes.Buffer
	enc := json.NewEncoder(&details)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e.Details); err == nil {
		fmt.Fprintf(&buf, "\n%s", details.String())
	}
	return buf.String()
}
