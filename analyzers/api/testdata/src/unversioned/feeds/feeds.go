// Package feeds is a feed reader: it serves the Fever and Google Reader
// sync APIs and an identity provider's callback (their contracts are
// specifications), its own API below a numeric version, and a mail
// provider's webhook, which is its own unversioned API unless the
// policy lists it as a protocol.
package feeds

import (
	"encoding/json"
	"net/http"
)

func js(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(map[string]int{}) }

// Serve serves the reader.
func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /fever/", js)
	mux.HandleFunc("GET /reader/api/0/stream/contents", js)
	mux.HandleFunc("GET /oauth2/callback", js)
	mux.HandleFunc("GET /api/1.0/entries", js)
	mux.HandleFunc("POST /hooks/postmark", js) // want `api root / has no version: 1 route \(/hooks\) with 1 handler in 1 package, e\.g\. POST /hooks/postmark`
	_ = http.ListenAndServe(":8080", mux)
}
