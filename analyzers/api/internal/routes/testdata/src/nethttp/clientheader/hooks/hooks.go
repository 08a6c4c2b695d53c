// Package hooks tells another service, with request headers a helper
// gives, as Google's API clients' gensupport.SetHeaders does: the
// Content-Type set on those is a request's, no response's.
package hooks

import (
	"io"
	"net/http"
)

// requestHeaders returns the headers every outgoing request carries.
func requestHeaders() http.Header {
	h := http.Header{}
	h.Set("User-Agent", "hooks")
	return h
}

// Notify tells the other service, with a JSON body.
func Notify(body io.Reader) error {
	h := requestHeaders()
	h.Set("Content-Type", "application/json")
	req, err := http.NewRequest(http.MethodPost, "http://hooks.internal/notify", body)
	if err != nil {
		return err
	}
	req.Header = h
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
