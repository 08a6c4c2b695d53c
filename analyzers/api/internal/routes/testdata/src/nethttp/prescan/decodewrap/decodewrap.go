// Package decodewrap reads a request's JSON body through a reader made on
// it, held in a variable, and a decoder held in another.
package decodewrap

import (
	"encoding/json"
	"io"
	"net/http"
)

// Thing is what a request carries.
type Thing struct{ Name string }

// Read decodes the request's body, at most a mebibyte of it.
func Read(r *http.Request) (Thing, error) {
	var t Thing
	limited := io.LimitReader(r.Body, 1<<20)
	dec := json.NewDecoder(limited)
	err := dec.Decode(&t)
	return t, err
}
