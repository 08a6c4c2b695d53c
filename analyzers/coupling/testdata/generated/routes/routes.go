// Package routes registers every handler: only server (a composition
// root) imports it, and it takes services without holding any. A
// composition root too: the audit does not report it.
package routes

import "example.com/gen/web/handlers"

// Register registers the handlers.
func Register(hs ...*handlers.Handler) {} // want `component routes depends on concrete handlers\.Handler of web: 1 param \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
