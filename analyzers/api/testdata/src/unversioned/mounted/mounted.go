// Package mounted serves its API below a root path from configuration:
// the root is where the service is deployed, the API below it is judged.
package mounted

import (
	"encoding/json"
	"net/http"
)

// Config is the service's configuration.
type Config struct{ RootPath string }

func items(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode([]int{1}) }

// Serve mounts the API below the configured root.
func Serve(cfg Config) {
	api := http.NewServeMux()
	api.HandleFunc("GET /api/items", items) // want `api root /\{cfg\.RootPath\}/api has no version: 2 routes \(/\{cfg\.RootPath\}/api/items, /\{cfg\.RootPath\}/api/users\) with 1 handler in 1 package, e\.g\. GET /\{cfg\.RootPath\}/api/items`
	api.HandleFunc("GET /api/users", items)
	api.HandleFunc("GET /v2/api/items", items) // a version in the constant rest: versioned
	api.HandleFunc("GET /assets/app.js", func(w http.ResponseWriter, r *http.Request) {})
	root := http.NewServeMux()
	root.Handle(cfg.RootPath+"/", http.StripPrefix(cfg.RootPath, api))
	_ = http.ListenAndServe(":8080", root)
}

// ServeRegistry serves generated handlers below a base URL from options,
// which holds the API's root and version ("/api/v1"): nothing after it
// says where the API starts, so nothing is judged.
func ServeRegistry(opts Config) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+opts.RootPath+"/registry", items)
	mux.HandleFunc("GET "+opts.RootPath+"/spaces/{ref}", items)
	_ = http.ListenAndServe(":8082", mux)
}

// ServeGit serves repositories over git's smart HTTP protocol below a
// repository reference: git's contract, no API of the service.
func ServeGit(repoRef string) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /"+repoRef+"/info/refs", items)
	mux.HandleFunc("POST /"+repoRef+"/git-upload-pack", items)
	mux.HandleFunc("POST /"+repoRef+"/git-receive-pack", items)
	_ = http.ListenAndServe(":8081", mux)
}
