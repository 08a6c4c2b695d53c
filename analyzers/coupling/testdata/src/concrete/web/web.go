package web

import "concrete/billing"

// Handler reaches billing through its interface only: nothing to report.
type Handler struct {
	Charger billing.Charger
	Status  billing.Status
	last    []billing.Receipt
}

func (h *Handler) Serve(amount int64) billing.Status {
	r, err := h.Charger.Charge(amount)
	if err != nil {
		return billing.Open
	}
	h.last = []billing.Receipt{*r}
	return billing.Status("paid")
}
