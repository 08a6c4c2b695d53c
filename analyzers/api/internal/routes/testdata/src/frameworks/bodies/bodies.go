// Package bodies classes handlers that answer programs without a JSON
// body of their own: a group middleware setting a JSON content type, a
// JSON request body, YAML and JSON blobs, CSV through a header variable.
// A status-only handler outside such a group says nothing, nor does a
// header set on a request sent on.
package bodies

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func ginRoutes() {
	r := gin.New()
	r.Use(func(c *gin.Context) { c.JSON(500, "error") })      // an error middleware: no content type for all
	r.GET("/swagger", func(c *gin.Context) { c.Status(200) }) // want `route GET /swagger other by func literal`
	api := r.Group("/api")
	api.Use(func(c *gin.Context) { c.Header("Content-Type", "application/json") })
	api.OPTIONS("/*any", func(c *gin.Context) { c.Status(204) })        // want `route OPTIONS /api/\*any other by func literal`
	api.DELETE("/messages/:id", func(c *gin.Context) { c.Status(204) }) // want `route DELETE /api/messages/:id api by func literal`
	r.POST("/tags", func(c *gin.Context) {                              // want `route POST /tags api by func literal`
		var v map[string]string
		_ = c.ShouldBindJSON(&v)
		c.Status(200)
	})
	r.GET("/config", func(c *gin.Context) { c.Data(200, "application/x-yaml", nil) }) // want `route GET /config api by func literal`
	r.GET("/logo", func(c *gin.Context) { c.Data(200, "image/png", nil) })            // want `route GET /logo static by func literal`
	r.DELETE("/session", func(c *gin.Context) { c.Status(204) })                      // want `route DELETE /session other by func literal`
	_ = r.Run(":8080")
}

// rename decodes a JSON request body and acknowledges with plain text.
func rename(w http.ResponseWriter, r *http.Request) {
	var v struct{ Old, New string }
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	fmt.Fprint(w, 1)
}

func exportData(c echo.Context) error { return c.Blob(200, "application/json", nil) }

// exportCSV streams CSV rows, its content type set through a variable
// holding the response's header: data for programs.
func exportCSV(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/csv")
	fmt.Fprintln(w, "id,email")
}

// forward sends a JSON request on and answers with nothing of its own:
// the header set is the outgoing request's.
func forward(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequest("POST", "http://hooks/", nil)
	h := req.Header
	h.Set("Content-Type", "application/json")
	_, _ = http.DefaultClient.Do(req)
}

func muxRoutes() {
	mux := http.NewServeMux()
	mux.HandleFunc("PUT /api/tags", rename)               // want `route PUT /api/tags api by rename`
	mux.HandleFunc("GET /reports/subscribers", exportCSV) // want `route GET /reports/subscribers api by exportCSV`
	mux.HandleFunc("POST /hooks", forward)                // want `route POST /hooks other by forward`
	_ = http.ListenAndServe(":8081", mux)
	e := echo.New()
	e.GET("/api/subscribers/export", exportData) // want `route GET /api/subscribers/export api by exportData`
	_ = e.Start(":8082")
}
