// Package aliaswriter marshals in a function whose unnamed response
// writer is named through another package's alias.
package aliaswriter

import (
	"encoding/json"

	"nethttp/prescan/rwalias"
)

// Write marshals.
func Write(rwalias.W) { _, _ = json.Marshal(1) }
