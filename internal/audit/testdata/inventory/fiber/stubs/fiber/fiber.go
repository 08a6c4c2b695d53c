// Package fiber is a stub of github.com/gofiber/fiber/v2 with the
// signatures the fixture uses.
package fiber

type Map map[string]any

type Ctx struct{}

func (*Ctx) JSON(data any, ctype ...string) error                  { return nil }
func (*Ctx) Render(name string, bind any, layouts ...string) error { return nil }
func (*Ctx) SendString(body string) error                          { return nil }
func (*Ctx) SendStatus(status int) error                           { return nil }
func (*Ctx) SendFile(file string, compress ...bool) error          { return nil }
func (*Ctx) Params(key string, defaultValue ...string) string      { return "" }
func (*Ctx) BodyParser(out any) error                              { return nil }

type Handler = func(*Ctx) error

type Router interface {
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	Add(method, path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

type App struct{}

func New() *App                                                                 { return &App{} }
func (*App) Get(path string, handlers ...Handler) Router                        { return nil }
func (*App) Post(path string, handlers ...Handler) Router                       { return nil }
func (*App) Put(path string, handlers ...Handler) Router                        { return nil }
func (*App) Delete(path string, handlers ...Handler) Router                     { return nil }
func (*App) Add(method, path string, handlers ...Handler) Router                { return nil }
func (*App) Group(prefix string, handlers ...Handler) Router                    { return nil }
func (*App) Route(prefix string, fn func(router Router), name ...string) Router { return nil }
func (*App) Static(prefix, root string) Router                                  { return nil }
func (*App) Mount(prefix string, app *App) Router                               { return nil }
func (*App) Listen(addr string) error                                           { return nil }
