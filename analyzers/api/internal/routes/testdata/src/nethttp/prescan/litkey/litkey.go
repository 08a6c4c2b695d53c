// Package litkey takes a request and names its method only as a
// composite literal's key.
package litkey

import "net/http"

// Head makes a HEAD request like r.
func Head(r *http.Request) *http.Request {
	c := &http.Request{Method: http.MethodHead, Header: r.Header}
	return c
}
