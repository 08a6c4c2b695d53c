// Package rootholder registers routes on a framework's root router held
// in a field whose value is made elsewhere: a root router serves its
// paths as they are, so they get no unknown prefix. A group held the
// same way sits at a prefix nobody here knows.
package rootholder

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// Server holds routers made by its caller.
type Server struct {
	E     *echo.Echo
	G     *gin.Engine
	Group *gin.RouterGroup
}

// Routes registers the server's routes.
func (s *Server) Routes() {
	register(s.E)
	s.G.GET("/api/users", nil)  // want `route GET /api/users other by nil`
	s.Group.GET("/things", nil) // want `route GET /\{\?\}/things other dynamic by nil`
}

func register(e *echo.Echo) {
	e.GET("/api/items", nil) // want `route GET /api/items other by nil`
}
