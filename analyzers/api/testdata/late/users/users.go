// Package users is a module registered as a function.
package users

import (
	"encoding/json"
	"net/http"
)

func list(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]string{}) }

// Register registers the user routes.
func Register(mux *http.ServeMux) { mux.HandleFunc("GET /users", list) }
