// Package gin is a stub of github.com/gin-gonic/gin with the signatures
// the fixture uses.
package gin

type H map[string]any

type Context struct{}

func (*Context) JSON(code int, obj any)                        {}
func (*Context) HTML(code int, name string, obj any)           {}
func (*Context) String(code int, format string, values ...any) {}
func (*Context) Status(code int)                               {}
func (*Context) AbortWithStatusJSON(code int, jsonObj any)     {}
func (*Context) Param(key string) string                       { return "" }
func (*Context) ShouldBindJSON(obj any) error                  { return nil }
func (*Context) Next()                                         {}

type HandlerFunc func(*Context)

type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
}

type RouterGroup struct{}

func (*RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup { return nil }
func (*RouterGroup) Use(middleware ...HandlerFunc) IRoutes                           { return nil }
func (*RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes        { return nil }
func (*RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes       { return nil }
func (*RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes        { return nil }
func (*RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes     { return nil }
func (*RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes        { return nil }
func (*RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (*RouterGroup) Static(relativePath, root string) IRoutes         { return nil }
func (*RouterGroup) StaticFile(relativePath, filepath string) IRoutes { return nil }

type Engine struct{ RouterGroup }

func New() *Engine                              { return &Engine{} }
func (*Engine) LoadHTMLGlob(pattern string)     {}
func (*Engine) NoRoute(handlers ...HandlerFunc) {}
func (*Engine) Run(addr ...string) error        { return nil }

func Logger() HandlerFunc   { return nil }
func Recovery() HandlerFunc { return nil }
