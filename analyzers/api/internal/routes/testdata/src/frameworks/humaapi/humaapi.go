// Package humaapi makes Huma APIs over routers with the adapters and
// registers operations on them, here and in another package.
package humaapi

import (
	"context"
	"net/http"

	"frameworks/humaops"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/go-chi/chi/v5"
)

// Greeting answers a greeting.
type Greeting struct{ Body struct{ Message string } }

func greet(ctx context.Context, in *struct{ Name string }) (*Greeting, error) { return nil, nil }

func chiAPI() {
	r := chi.NewRouter()
	api := humachi.New(r, huma.DefaultConfig("API", "1.0.0"))
	huma.Get(api, "/greeting/{name}", greet) // want `route GET /greeting/\{name\} api by greet`
	humaops.Register(api)                    // want `route GET /users/\{id\} api by getUser` `route DELETE /users/\{id\} api by getUser` `route PATCH /users/\{id\} api by getUser` `route GET /users api by list\[User\]\(\)` `route POST /admin/users api by getUser`
	v1 := huma.NewGroup(api, "/v1", "/v2")
	humaops.Groups(v1) // want `route GET /v1/health health by getUser` `route GET /v2/health health by getUser`
	r.Route("/internal", func(r chi.Router) {
		internal := humachi.New(r, huma.DefaultConfig("Internal", "1.0.0"))
		huma.Register(internal, huma.Operation{Method: http.MethodPost, Path: "/jobs"}, greet) // want `route POST /internal/jobs api by greet`
	})
	_ = http.ListenAndServe(":8080", r)
}

func muxAPI(prefix string) {
	mux := http.NewServeMux()
	api := humago.NewWithPrefix(mux, "/api", huma.DefaultConfig("API", "1.0.0"))
	huma.Post(api, "/greetings", greet) // want `route POST /api/greetings api by greet`
	dyn := humago.NewWithPrefix(mux, prefix, huma.DefaultConfig("API", "1.0.0"))
	huma.Get(dyn, "/greetings", greet) // want `route GET /\{prefix\}/greetings api dynamic by greet`
	_ = http.ListenAndServe(":8081", mux)
}
