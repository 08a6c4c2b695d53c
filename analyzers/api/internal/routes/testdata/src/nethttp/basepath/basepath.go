// Package basepath serves one mux at the root or below a base path from
// configuration: one route per registration, below the base path.
package basepath

import (
	"encoding/json"
	"net/http"
)

func items(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]int{1}) }

// Serve serves the API at the root or below basePath.
func Serve(basePath string) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/items", items) // want `route GET /\{basePath\}/api/items api dynamic by items`
	mux.HandleFunc("/", items)              // want `route /\{basePath\}/ api dynamic by items`
	root := http.NewServeMux()
	if basePath == "" {
		root.Handle("/", mux)
	} else {
		root.Handle(basePath+"/", http.StripPrefix(basePath, mux))
	}
	_ = http.ListenAndServe(":8080", root)
}

// Prefixed writes the base path into Go 1.22 patterns.
func Prefixed(basePath string) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+basePath+"/api/things", items) // want `route GET /\{basePath\}/api/things api dynamic by items`
	_ = http.ListenAndServe(":8083", mux)
}

// Versions serves one mux at two constant prefixes: both are routes.
func Versions() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", items) // want `route GET /v1/items api by items` `route GET /v2/items api by items`
	root := http.NewServeMux()
	root.Handle("/v1/", http.StripPrefix("/v1", mux))
	root.Handle("/v2/", http.StripPrefix("/v2", mux))
	_ = http.ListenAndServe(":8081", root)
}

// Nested strips two prefixes in turn: the outer one comes first.
func Nested() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", items) // want `route GET /a/b/items api by items`
	root := http.NewServeMux()
	root.Handle("/a/b/", http.StripPrefix("/a", http.StripPrefix("/b", mux)))
	_ = http.ListenAndServe(":8082", root)
}
