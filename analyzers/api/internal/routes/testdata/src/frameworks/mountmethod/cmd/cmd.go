// Package cmd starts the server with its routers, built by provider
// functions as wire generates them.
package cmd

import (
	"frameworks/mountmethod/native"
	"frameworks/mountmethod/server"
)

// CreateNativeRouter is a provider.
func CreateNativeRouter() *native.Router {
	router := native.New() // want `route GET /api/albums api by api\.albums`
	return router
}

// Start mounts the routers and serves them.
func Start() error {
	a := server.New()
	a.MountRouter("Native API", "/api", CreateNativeRouter())
	return a.Run()
}
