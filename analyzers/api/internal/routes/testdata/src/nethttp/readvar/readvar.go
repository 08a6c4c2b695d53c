// Package readvar reads a JSON request through a decoder held in a
// variable and answers with a status only: a program's request, an API.
package readvar

import (
	"encoding/json"
	"net/http"
)

type item struct {
	Name string `json:"name"`
}

func add(w http.ResponseWriter, r *http.Request) {
	var it item
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(&it); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Serve answers.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", add) // want `route POST /items api by add`
	return http.ListenAndServe(":8080", mux)
}
