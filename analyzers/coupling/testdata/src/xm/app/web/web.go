package web

import "xm/lib/util"

// Page holds a buffer of another module.
type Page struct {
	buf util.Buffer // want `component app/web depends on concrete util\.Buffer of lib/util: 1 field \(1 use, across modules\); no use binds to the type: an interface declared where it is used would replace it`
}
