// Package decode decodes a request's body reached through a struct.
package decode

import (
	"encoding/json"
	"net/http"
)

// Call holds a request.
type Call struct{ Req *http.Request }

// Bind decodes the request's body into v.
func Bind(c *Call, v any) error { return json.NewDecoder(c.Req.Body).Decode(v) }
