// Package admin serves orders to the back office.
package admin

import (
	"encoding/json"
	"net/http"

	"example.com/global/model"
)

// List serves orders.
func List(w http.ResponseWriter, r *http.Request) {
	_ = json.NewEncoder(w).Encode([]model.Order{})
}
