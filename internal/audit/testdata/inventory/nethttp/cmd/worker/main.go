// Command worker processes jobs; it serves only its liveness check, on
// http.DefaultServeMux.
package main

import (
	"io"
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("GET /livez", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "ok")
	})
	log.Fatal(http.ListenAndServe(":9090", nil))
}
