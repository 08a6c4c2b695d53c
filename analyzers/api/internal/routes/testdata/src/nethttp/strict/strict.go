// Package strict is a generated strict server: handlers call the
// service through an interface and answer through the response
// objects' Visit methods, which write JSON.
package strict

import (
	"encoding/json"
	"net/http"
)

// GetUserResponseObject is a response of GetUser.
type GetUserResponseObject interface {
	VisitGetUserResponse(w http.ResponseWriter) error
}

// GetUser200JSONResponse answers a user.
type GetUser200JSONResponse struct{ Name string }

// VisitGetUserResponse writes the response.
func (response GetUser200JSONResponse) VisitGetUserResponse(w http.ResponseWriter) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(200)
	return json.NewEncoder(w).Encode(response)
}

// GetUser404Response answers nothing found.
type GetUser404Response struct{}

// VisitGetUserResponse writes the response.
func (response GetUser404Response) VisitGetUserResponse(w http.ResponseWriter) error {
	w.WriteHeader(404)
	return nil
}

// StrictServer is the service.
type StrictServer interface {
	GetUser(r *http.Request) (GetUserResponseObject, error)
}

type strictHandler struct{ ssi StrictServer }

// GetUser handles the operation.
func (sh *strictHandler) GetUser(w http.ResponseWriter, r *http.Request) {
	response, err := sh.ssi.GetUser(r)
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	if err := response.VisitGetUserResponse(w); err != nil {
		http.Error(w, err.Error(), 500)
	}
}

// Handler serves the operations.
func Handler(ssi StrictServer) {
	sh := &strictHandler{ssi: ssi}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/users/{id}", sh.GetUser) // want `route GET /api/v1/users/\{id\} api by sh\.GetUser`
	_ = http.ListenAndServe(":8080", mux)
}
