package a

import "example.org/x/b"

// U uses b.T: reported only when the module is known (-modules).
type U struct{ t b.T } // want `component a depends on concrete b\.T of b: 1 field \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
