// Package gateway serves a gRPC service over HTTP with grpc-gateway: the
// generated bindings are routes of the gateway mux, mounted below /api.
package gateway

import (
	"context"
	"net/http"

	"frameworks/gwpb"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
)

func serve(ctx context.Context) error {
	gw := runtime.NewServeMux()
	if err := gwpb.RegisterGreeterHandlerFromEndpoint(ctx, gw, "localhost:9090"); err != nil { // want `route GET /api/v1/hello/\{name\} api by pattern_Greeter_SayHello_0` `route POST /api/v1/greetings api by pattern_Greeter_Create_0` `route GET /api/v1/\{name=shelves/\*\} api by pattern_Greeter_Get_0` `route POST /api/v1/greetings/\{name\}:undelete api by pattern_Greeter_Undelete_0` `route GET /api/v1/files/\{path=\*\*\} api by pattern_Greeter_Files_0`
		return err
	}
	_ = gw.HandlePath("GET", "/healthz", nil) // want `route GET /api/healthz health by nil`
	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", gw))
	return http.ListenAndServe(":8080", mux)
}
