// Package httprouter is a stub of github.com/julienschmidt/httprouter
// with the signatures the fixture uses.
package httprouter

import "net/http"

type Param struct{ Key, Value string }
type Params []Param

func (ps Params) ByName(name string) string { return "" }

type Handle func(http.ResponseWriter, *http.Request, Params)

type Router struct {
	NotFound http.Handler
}

func New() *Router                                                        { return &Router{} }
func (*Router) ServeHTTP(http.ResponseWriter, *http.Request)              {}
func (*Router) GET(path string, handle Handle)                            {}
func (*Router) POST(path string, handle Handle)                           {}
func (*Router) PUT(path string, handle Handle)                            {}
func (*Router) DELETE(path string, handle Handle)                         {}
func (*Router) Handle(method, path string, handle Handle)                 {}
func (*Router) Handler(method, path string, handler http.Handler)         {}
func (*Router) HandlerFunc(method, path string, handler http.HandlerFunc) {}
func (*Router) ServeFiles(path string, root http.FileSystem)              {}
