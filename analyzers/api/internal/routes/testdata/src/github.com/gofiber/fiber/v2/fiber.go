// Package fiber is a stub of github.com/gofiber/fiber/v2.
package fiber

type Ctx struct{}

func (*Ctx) JSON(data any) error                { return nil }
func (*Ctx) Render(name string, bind any) error { return nil }

type Handler = func(*Ctx) error

type Router interface {
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

type App struct{}

func New() *App                                                                 { return nil }
func (*App) Get(path string, handlers ...Handler) Router                        { return nil }
func (*App) Post(path string, handlers ...Handler) Router                       { return nil }
func (*App) Group(prefix string, handlers ...Handler) Router                    { return nil }
func (*App) Route(prefix string, fn func(router Router), name ...string) Router { return nil }
func (*App) Static(prefix, root string) Router                                  { return nil }
func (*App) Mount(prefix string, app *App) Router                               { return nil }
func (*App) Listen(addr string) error                                           { return nil }
