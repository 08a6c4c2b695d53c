// Package encodevar answers in plain text with an API client's error
// message, which apierr encodes as JSON into a buffer: the route is no
// JSON API's.
package encodevar

import (
	"net/http"

	"nethttp/encodevar/apierr"
)

func fail(w http.ResponseWriter, r *http.Request) {
	e := &apierr.Error{Code: http.StatusBadGateway}
	_, _ = w.Write([]byte(e.Error()))
}

// Serve answers.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /fail", fail) // want `route GET /fail other by fail`
	return http.ListenAndServe(":8080", mux)
}
