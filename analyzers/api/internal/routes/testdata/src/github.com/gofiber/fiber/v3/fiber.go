// Package fiber is a stub of github.com/gofiber/fiber/v3: the request
// context is an interface.
package fiber

// Ctx is a request's context.
type Ctx interface {
	JSON(data any, ctype ...string) error
	SendString(body string) error
	Render(name string, bind any, layouts ...string) error
}

// Handler handles a request.
type Handler = func(Ctx) error

// Router registers routes.
type Router interface {
	Get(path string, handler any, handlers ...any) Router
	Post(path string, handler any, handlers ...any) Router
	Group(prefix string, handlers ...any) Router
}

// App is the root router.
type App struct{}

// New returns an app.
func New() *App { return &App{} }

// Get registers a GET route.
func (*App) Get(path string, handler any, handlers ...any) Router { return nil }

// Group returns a group below prefix.
func (*App) Group(prefix string, handlers ...any) Router { return nil }

// Listen serves.
func (*App) Listen(addr string) error { return nil }
