// Package routeralias hands a router it receives, named through another
// package's alias, to a module that registers on it: it uses nothing of
// net/http itself.
package routeralias

import "nethttp/prescan/router"

// Module registers its routes.
type Module interface{ Mount(r *router.Mux) }

// MountOne lets m register on r.
func MountOne(r *router.Mux, m Module) { m.Mount(r) }
