// Package decodevar reads a request's JSON body through a decoder held
// in a variable.
package decodevar

import (
	"encoding/json"
	"net/http"
)

// Thing is what a request carries.
type Thing struct{ Name string }

// Read decodes the request's body.
func Read(r *http.Request) (Thing, error) {
	var t Thing
	dec := json.NewDecoder(r.Body)
	err := dec.Decode(&t)
	return t, err
}
