// Command server serves the modules.
package main

import (
	"example.com/late/core"
	"example.com/late/items"
	"example.com/late/users"
	"example.com/late/web"
)

func main() {
	core.Serve([]core.RegisterFunc{users.Register}, []core.Module{items.Items{}})
	w := web.New("/web")
	items.Legacy(w)
	_ = w.Serve()
}
