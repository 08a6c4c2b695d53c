// Package clientheader answers in plain text after telling another
// service through hooks, whose request's Content-Type is no response's:
// the route is no JSON API's.
package clientheader

import (
	"net/http"

	"nethttp/clientheader/hooks"
)

func send(w http.ResponseWriter, r *http.Request) {
	if err := hooks.Notify(r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_, _ = w.Write([]byte("sent"))
}

// Serve answers.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /send", send) // want `route POST /send other by send`
	return http.ListenAndServe(":8080", mux)
}
