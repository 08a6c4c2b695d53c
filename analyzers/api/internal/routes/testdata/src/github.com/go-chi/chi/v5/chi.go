// Package chi is a stub of github.com/go-chi/chi/v5 with the signatures the tests need.
package chi

import "net/http"

type Router interface {
	http.Handler
	With(middlewares ...func(http.Handler) http.Handler) Router
	Group(fn func(r Router)) Router
	Route(pattern string, fn func(r Router)) Router
	Mount(pattern string, h http.Handler)
	Handle(pattern string, h http.Handler)
	HandleFunc(pattern string, h http.HandlerFunc)
	Method(method, pattern string, h http.Handler)
	Get(pattern string, h http.HandlerFunc)
	Post(pattern string, h http.HandlerFunc)
	Delete(pattern string, h http.HandlerFunc)
}

type Mux struct{}

func NewRouter() *Mux { return nil }

func (*Mux) ServeHTTP(http.ResponseWriter, *http.Request)               {}
func (*Mux) With(middlewares ...func(http.Handler) http.Handler) Router { return nil }
func (*Mux) Group(fn func(r Router)) Router                             { return nil }
func (*Mux) Route(pattern string, fn func(r Router)) Router             { return nil }
func (*Mux) Mount(pattern string, h http.Handler)                       {}
func (*Mux) Handle(pattern string, h http.Handler)                      {}
func (*Mux) HandleFunc(pattern string, h http.HandlerFunc)              {}
func (*Mux) Method(method, pattern string, h http.Handler)              {}
func (*Mux) Get(pattern string, h http.HandlerFunc)                     {}
func (*Mux) Post(pattern string, h http.HandlerFunc)                    {}
func (*Mux) Delete(pattern string, h http.HandlerFunc)                  {}
