// Package protocols serves endpoints of protocols whose contract is a
// specification, not the program's, beside its own API: their kind is
// protocol. Files a browser fetches by name are static.
package protocols

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
)

func js(w http.ResponseWriter, r *http.Request) { _ = json.NewEncoder(w).Encode(map[string]int{}) }

func routes() {
	r := chi.NewRouter()
	r.Get("/oauth2/authorize", js)                 // want `route GET /oauth2/authorize protocol by js`
	r.Post("/oauth/token", js)                     // want `route POST /oauth/token protocol by js`
	r.Get("/auth/oidc/callback", js)               // want `route GET /auth/oidc/callback protocol by js`
	r.Get("/.well-known/openid-configuration", js) // want `route GET /.well-known/openid-configuration protocol by js`
	r.HandleFunc("/dav/*", js)                     // want `route /dav/\* protocol by js`
	r.HandleFunc("/caldav/{user}/*", js)           // want `route /caldav/\{user\}/\* protocol by js`
	r.Post("/fever/", js)                          // want `route POST /fever/ protocol by js`
	r.Get("/reader/api/0/subscription/list", js)   // want `route GET /reader/api/0/subscription/list protocol by js`
	r.Post("/accounts/ClientLogin", js)            // want `route POST /accounts/ClientLogin protocol by js`
	r.Post("/users/{name}/inbox", js)              // want `route POST /users/\{name\}/inbox protocol by js`
	r.Get("/nodeinfo/2.0", js)                     // want `route GET /nodeinfo/2\.0 protocol by js`
	r.Get("/manifest.json", js)                    // want `route GET /manifest\.json static by js`

	// The program's own API, though its words look alike.
	r.Get("/api/inbox", js)            // want `route GET /api/inbox api by js`
	r.Post("/api/auth/token", js)      // want `route POST /api/auth/token api by js`
	r.Get("/api/tokens", js)           // want `route GET /api/tokens api by js`
	r.Get("/api/oauth-clients", js)    // want `route GET /api/oauth-clients api by js`
	r.Get("/v1/acl/oidc/auth-url", js) // want `route GET /v1/acl/oidc/auth-url api by js`
	r.Post("/api/oauth2/token", js)    // want `route POST /api/oauth2/token api by js`
	r.Get("/openapi.yaml", js)         // want `route GET /openapi\.yaml static by js`

	// git's dumb HTTP protocol below a repository.
	r.Get("/{repo}/HEAD", nil)                         // want `route GET /\{repo\}/HEAD protocol by nil`
	r.Get("/{repo}/objects/info/packs", nil)           // want `route GET /\{repo\}/objects/info/packs protocol by nil`
	r.Get("/{repo}/objects/pack/pack-{file}.idx", nil) // want `route GET /\{repo\}/objects/pack/pack-\{file\}\.idx protocol by nil`
	r.Get("/{repo}/objects/{head}/{hash}", nil)        // want `route GET /\{repo\}/objects/\{head\}/\{hash\} protocol by nil`
	r.Get("/api/head", js)                             // want `route GET /api/head api by js`
	_ = http.ListenAndServe(":8080", r)
}
