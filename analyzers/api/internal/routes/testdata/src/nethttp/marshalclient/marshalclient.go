// Package marshalclient marshals its requests' bodies and writes its
// logs to a writer, in different functions: no function taking a writer
// marshals, so none answers a request with what it marshals (see
// marshalsAnswering), before type-checking or after.
package marshalclient

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// Client calls the service.
type Client struct {
	HTTP *http.Client
	Base string
	Log  io.Writer
}

// Put sends v.
func (c *Client) Put(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Post(c.Base+"/items", "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	logTo(c.Log, resp.Status)
	return resp.Body.Close()
}

// logTo writes a log line.
func logTo(w io.Writer, line string) {
	_, _ = io.WriteString(w, line+"\n")
}
