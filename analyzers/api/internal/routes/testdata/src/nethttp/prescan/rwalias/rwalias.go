// Package rwalias names net/http's ResponseWriter for others.
package rwalias

import "net/http"

// W is a response writer.
type W = http.ResponseWriter
