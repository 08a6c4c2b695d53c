// Package httprouter is a stub of github.com/julienschmidt/httprouter.
package httprouter

import "net/http"

type Params []struct{ Key, Value string }
type Handle func(http.ResponseWriter, *http.Request, Params)

type Router struct{}

func New() *Router                                                { return nil }
func (*Router) ServeHTTP(http.ResponseWriter, *http.Request)      {}
func (*Router) GET(path string, handle Handle)                    {}
func (*Router) Handle(method, path string, handle Handle)         {}
func (*Router) Handler(method, path string, handler http.Handler) {}
func (*Router) ServeFiles(path string, root http.FileSystem)      {}
