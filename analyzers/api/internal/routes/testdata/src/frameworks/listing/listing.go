// Package listing registers routes the way a newsletter manager does:
// paths joined with path.Join, an admin single-page app, file servers
// wrapped for echo, and handlers that render e-mail bodies into buffers
// before answering with JSON.
package listing

import (
	"bytes"
	"html/template"
	"net/http"
	"path"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/websocket"
	"github.com/labstack/echo/v4"
)

const uriAdmin = "/admin"

var mail = template.Must(template.New("mail").Parse("hello"))

type app struct{ files http.Handler }

func routes(e *echo.Echo, a *app, uploads string) {
	g := e.Group("")
	g.GET(path.Join(uriAdmin, ""), a.adminPage)          // want `route GET /admin page`
	g.GET(path.Join(uriAdmin, "/*"), a.adminPage)        // want `route GET /admin/\* page`
	g.GET(path.Join(uriAdmin, "/custom.css"), a.css)     // want `route GET /admin/custom.css static`
	e.GET(path.Join(uploads, "/:filepath"), a.css)       // want `route GET /\{uploadDir\(\)\}/:filepath other dynamic by a\.css`
	e.GET("/public/static/*", echo.WrapHandler(a.files)) // want `route GET /public/static/\* static`
	e.GET("/api/public/*", echo.WrapHandler(a.files))    // want `route GET /api/public/\* other`
	e.POST("/api/campaigns", a.createCampaign)           // want `route POST /api/campaigns api`
	e.POST("/api/campaigns/preview", a.preview)          // want `route POST /api/campaigns/preview page`
	e.GET("/archive.xml", a.feed)                        // want `route GET /archive.xml protocol`
}

// adminPage serves the single-page app's index.html.
func (a *app) adminPage(c echo.Context) error { return c.HTMLBlob(200, []byte("<html>")) }

// feed writes an RSS feed.
func (a *app) feed(c echo.Context) error { return c.XMLBlob(200, nil) }

func (a *app) css(c echo.Context) error { return c.Blob(200, "text/css", nil) }

// createCampaign compiles the e-mail body into a buffer: no page is
// served, the response is JSON.
func (a *app) createCampaign(c echo.Context) error {
	var b bytes.Buffer
	if err := compile(&b); err != nil {
		return err
	}
	return c.JSON(200, b.String())
}

func compile(b *bytes.Buffer) error { return mail.Execute(b, nil) }

// preview renders the e-mail as the response.
func (a *app) preview(c echo.Context) error {
	return c.HTMLBlob(200, nil)
}

func ginRoutes(r *gin.Engine) {
	r.OPTIONS("/*any")                                     // want `route OPTIONS /\*any other$`
	r.GET("/x", func(c *gin.Context) { c.JSON(200, nil) }) // want `route GET /x api by func literal$`
}

func serveTemplate(w http.ResponseWriter, r *http.Request) {
	_ = mail.Execute(w, nil)
}

func netRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /page", serveTemplate)                                                    // want `route GET /page page`
	mux.Handle("GET /assets/{file...}", http.StripPrefix("/assets/", nil))                        // want `route GET /assets/\{file...\} static`
	mux.HandleFunc("GET /stream", stream)                                                         // want `route GET /stream api`
	mux.HandleFunc("GET "+path.Join("/api", "tags"), func(http.ResponseWriter, *http.Request) {}) // want `route GET /api/tags other`
}

func main() {
	e := echo.New()
	routes(e, &app{}, uploadDir())
	_ = e.Start(":9000")
	r := gin.New()
	ginRoutes(r)
	_ = r.Run()
	mux := http.NewServeMux()
	netRoutes(mux)
	_ = http.ListenAndServe(":8080", mux)
}

func uploadDir() string { return "/uploads" }

var upgrader websocket.Upgrader

// stream pushes messages to clients over a WebSocket.
func stream(w http.ResponseWriter, r *http.Request) {
	_, _ = upgrader.Upgrade(w, r, nil)
}
