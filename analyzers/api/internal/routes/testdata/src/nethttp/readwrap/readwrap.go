// Package readwrap reads JSON requests through the standard library's
// readers made on the body, and answers with a status only: a program's
// requests, API routes. JSON read from a file through the same readers,
// or from a body through a reader the package makes itself, is no
// request read.
package readwrap

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
)

type item struct {
	Name string `json:"name"`
}

func add(w http.ResponseWriter, r *http.Request) {
	var it item
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&it); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func update(w http.ResponseWriter, r *http.Request) {
	var it item
	limited := io.LimitReader(r.Body, 1<<20)
	dec := json.NewDecoder(bufio.NewReader(limited))
	if err := dec.Decode(&it); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func reload(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open("config.json")
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	defer f.Close()
	var it item
	if err := json.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&it); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type counting struct{ r io.Reader }

func (c *counting) Read(p []byte) (int, error) { return c.r.Read(p) }

func count(r io.Reader) io.Reader { return &counting{r} }

func import_(w http.ResponseWriter, r *http.Request) {
	var it item
	if err := json.NewDecoder(count(r.Body)).Decode(&it); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Serve answers.
func Serve() error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", add)      // want `route POST /items api by add`
	mux.HandleFunc("PUT /items", update)    // want `route PUT /items api by update`
	mux.HandleFunc("POST /reload", reload)  // want `route POST /reload other by reload`
	mux.HandleFunc("POST /import", import_) // want `route POST /import other by import_`
	return http.ListenAndServe(":8080", mux)
}
