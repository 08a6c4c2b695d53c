// Package wrapiface registers its routes through an interface; the
// program's wrapper behind it is in a package it does not import.
package wrapiface

import (
	"encoding/json"
	"net/http"
)

// Registrar registers routes.
type Registrar interface {
	Get(p string, h http.HandlerFunc)
}

func orders(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]int{}) }

// Register registers the order routes.
func Register(r Registrar) { r.Get("/orders", orders) }
