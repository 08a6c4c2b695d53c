package web

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

type metrics struct {
	requests     atomic.Int64
	inFlight     atomic.Int64
	serverErrors atomic.Int64
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// Instrument wraps next so that its traffic shows up on /metrics.
func (s *Server) Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.metrics.requests.Add(1)
		s.metrics.inFlight.Add(1)
		defer s.metrics.inFlight.Add(-1)

		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		if rec.status >= 500 {
			s.metrics.serverErrors.Add(1)
		}
	})
}

// handleMetrics writes the counters in the Prometheus text format.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	var customers int64
	if err := s.db.QueryRowContext(r.Context(), `SELECT count(*) FROM customers`).Scan(&customers); err != nil {
		s.log.WarnContext(r.Context(), "metrics: count customers", "err", err)
		customers = -1
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	fmt.Fprintf(w, "# TYPE shop_http_requests_total counter\nshop_http_requests_total %d\n", s.metrics.requests.Load())
	fmt.Fprintf(w, "# TYPE shop_http_requests_in_flight gauge\nshop_http_requests_in_flight %d\n", s.metrics.inFlight.Load())
	fmt.Fprintf(w, "# TYPE shop_http_server_errors_total counter\nshop_http_server_errors_total %d\n", s.metrics.serverErrors.Load())
	fmt.Fprintf(w, "# TYPE shop_customers gauge\nshop_customers %d\n", customers)
}
