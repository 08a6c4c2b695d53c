// Package signer signs a client's requests: its functions take an
// *http.Request and read its method, host, query and escaped path, and
// test its method; none reads URL.Path, which a dispatcher tests, so
// none can be one (see readsURLPath), before type-checking or after.
package signer

import (
	"net/http"
	"strings"
)

// Sign adds the request's signature.
func Sign(req *http.Request, key string) {
	canonical := strings.Join([]string{req.Method, req.URL.Host, req.URL.EscapedPath(), req.URL.RawQuery}, "\n")
	if req.Method == http.MethodGet || req.Method == http.MethodHead {
		canonical += "\nno-body"
	}
	req.Header.Set("X-Signature", key+":"+canonical)
}

// New builds a request to sign.
func New(host string) *http.Request {
	req := &http.Request{Method: http.MethodGet, Header: http.Header{}}
	req.Host = host
	return req
}
