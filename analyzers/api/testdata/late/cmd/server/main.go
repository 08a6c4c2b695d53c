// Command server serves the modules.
package main

import (
	"example.com/late/core"
	"example.com/late/items"
	"example.com/late/users"
)

func main() {
	core.Serve([]core.RegisterFunc{users.Register}, []core.Module{items.Items{}})
}
