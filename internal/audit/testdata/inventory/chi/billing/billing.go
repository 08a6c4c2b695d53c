// Package billing serves invoices and receives the payment provider's
// webhooks.
package billing

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Invoice is an invoice as clients see it.
type Invoice struct {
	Number string `json:"number"`
	Amount int64  `json:"amount"`
}

// InvoiceRoutes registers the invoice routes on the sub-router chi's
// Route hands it.
func InvoiceRoutes(r chi.Router) {
	r.Get("/{number}", getInvoice)
	r.Post("/{number}/pay", payInvoice)
}

// RegisterWebhooks registers the provider's callbacks on the root router.
func RegisterWebhooks(r chi.Router) {
	r.Post("/webhooks/payments", paymentEvent)
}

func getInvoice(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, Invoice{Number: chi.URLParam(r, "number")})
}

func payInvoice(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, Invoice{Number: chi.URLParam(r, "number")})
}

func paymentEvent(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, map[string]bool{"received": true})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
