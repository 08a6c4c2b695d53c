// Package gin is a stub of github.com/gin-gonic/gin.
package gin

type Context struct{}

func (*Context) JSON(code int, obj any)                         {}
func (*Context) Status(code int)                                {}
func (*Context) Header(key, value string)                       {}
func (*Context) ShouldBindJSON(obj any) error                   { return nil }
func (*Context) Data(code int, contentType string, data []byte) {}
func (*Context) HTML(code int, name string, obj any)            {}

// String renders through Render, as gin's does: what the framework does
// inside is no handler's kind.
func (c *Context) String(code int, f string, a ...any) { c.Render(code, nil) }

// Render renders.
func (*Context) Render(code int, r any) {}

type HandlerFunc func(*Context)

type IRoutes interface {
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct{}

func (*RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup { return nil }
func (*RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes        { return nil }
func (*RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes       { return nil }
func (*RouterGroup) Handle(method, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (*RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes  { return nil }
func (*RouterGroup) OPTIONS(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (*RouterGroup) Static(relativePath, root string) IRoutes                     { return nil }
func (*RouterGroup) Use(middleware ...HandlerFunc) IRoutes                        { return nil }

type Engine struct{ RouterGroup }

func New() *Engine                       { return nil }
func Default() *Engine                   { return nil }
func (*Engine) Run(addr ...string) error { return nil }
