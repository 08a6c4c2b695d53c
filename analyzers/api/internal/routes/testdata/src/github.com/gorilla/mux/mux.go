// Package mux is a stub of github.com/gorilla/mux.
package mux

import "net/http"

type Router struct{}

func NewRouter() *Router                                                                  { return nil }
func (*Router) ServeHTTP(http.ResponseWriter, *http.Request)                              {}
func (*Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route { return nil }
func (*Router) Handle(path string, h http.Handler) *Route                                 { return nil }
func (*Router) PathPrefix(tpl string) *Route                                              { return nil }
func (*Router) Path(tpl string) *Route                                                    { return nil }
func (*Router) Methods(methods ...string) *Route                                          { return nil }

type Route struct{}

func (*Route) Methods(methods ...string) *Route                              { return nil }
func (*Route) Subrouter() *Router                                            { return nil }
func (*Route) Handler(h http.Handler) *Route                                 { return nil }
func (*Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { return nil }
func (*Route) Path(tpl string) *Route                                        { return nil }
func (*Route) Name(name string) *Route                                       { return nil }
