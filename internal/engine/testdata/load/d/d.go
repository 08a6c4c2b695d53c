// Package d type-checks but does not build: its embed pattern matches no file.
package d

import "embed"

//go:embed dist
var Dist embed.FS

// Name is d's.
const Name = "d"
