// Package loops registers routes in loops over lists written in the
// code: a slice of structs (positional and keyed), a map from path to
// handler, a list of paths, a list in a package variable. A list that is
// appended to, or built elsewhere, is not unrolled: its route keeps the
// expression it comes from.
package loops

import (
	"encoding/json"
	"net/http"
)

func list(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]int{}) }

func get(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(1) }

var fixed = []string{"/api/a", "/api/b"}

func routes(extra []string) {
	mux := http.NewServeMux()
	for _, rt := range []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/api/orders", list},
		{method: "GET", path: "/api/orders/{id}", h: get},
	} {
		mux.HandleFunc(rt.method+" "+rt.path, rt.h) // want `route GET /api/orders api by list` `route GET /api/orders/\{id\} api by get`
	}
	for p, h := range map[string]http.HandlerFunc{"/api/users": list, "/api/users/{id}": get} {
		mux.HandleFunc(p, h) // want `route /api/users api by list` `route /api/users/\{id\} api by get`
	}
	for _, p := range fixed {
		mux.HandleFunc(p, list) // want `route /api/a api by list` `route /api/b api by list`
	}
	grown := []string{"/api/c"}
	grown = append(grown, extra...)
	for _, p := range grown {
		mux.HandleFunc(p, list) // want `route /\{p\} api dynamic by list`
	}
	_ = http.ListenAndServe(":8080", mux)
}
