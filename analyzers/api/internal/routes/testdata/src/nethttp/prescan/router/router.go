// Package router names a router type for others.
package router

import "net/http"

// Mux is a router.
type Mux = http.ServeMux
