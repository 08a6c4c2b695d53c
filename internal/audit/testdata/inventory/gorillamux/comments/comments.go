// Package comments serves the comments of a ticket.
package comments

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"
)

// Comment is a comment as clients see it.
type Comment struct {
	Author string `json:"author"`
	Body   string `json:"body"`
}

// RegisterRoutes registers the comment routes on the API sub-router.
func RegisterRoutes(r *mux.Router) {
	r.HandleFunc("/tickets/{id:[0-9]+}/comments", list).Methods(http.MethodGet)
	r.HandleFunc("/tickets/{id:[0-9]+}/comments", add).Methods(http.MethodPost)
}

func list(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode([]Comment{})
}

func add(w http.ResponseWriter, r *http.Request) {
	var c Comment
	_ = json.NewDecoder(r.Body).Decode(&c)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(c)
}
