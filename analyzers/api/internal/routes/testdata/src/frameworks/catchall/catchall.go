// Package catchall hands a router to catch-all routes of echo: the
// router sees the whole path and serves its routes at their own paths;
// the catch-all is no route of its own. A handler that is no router
// stays a route.
package catchall

import (
	"context"
	"net/http"

	"frameworks/gwpb"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"github.com/labstack/echo/v4"
)

func serve(ctx context.Context) {
	gw := runtime.NewServeMux()
	_ = gwpb.RegisterGreeterHandlerFromEndpoint(ctx, gw, "localhost:9090") // want `route GET /v1/hello/\{name\} api by pattern_Greeter_SayHello_0` `route POST /v1/greetings api by pattern_Greeter_Create_0` `route GET /v1/\{name=shelves/\*\} api by pattern_Greeter_Get_0` `route POST /v1/greetings/\{name\}:undelete api by pattern_Greeter_Undelete_0` `route GET /v1/files/\{path=\*\*\} api by pattern_Greeter_Files_0`
	e := echo.New()
	g := e.Group("")
	h := echo.WrapHandler(http.MaxBytesHandler(gw, 1<<20))
	g.Any("/v1/*", h)
	g.Any("/files/*", h)
	g.Any("/legacy/*", echo.WrapHandler(http.NotFoundHandler())) // want `route /legacy/\* other by echo\.WrapHandler\(http\.NotFoundHandler\(\)\)`
	_ = e.Start(":8080")
}
