// Package app lists the modules and starts the server.
package app

import (
	"late/core"
	"late/items"
	"late/users"
)

// Modules are the function modules.
var Modules = []core.RegisterFunc{users.Register}

// Main serves the modules.
func Main() {
	core.Routing(Modules, []core.Module{&items.Items{}})
	core.Dynamic(root(), Modules)
}

func root() string { return "/x" }
