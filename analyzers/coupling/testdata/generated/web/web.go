// Package web is hand-written.
package web

import (
	"example.com/gen/api"
	"example.com/gen/jobs"
	"example.com/gen/store"
)

// Server holds what it serves.
type Server struct {
	User     *api.User          // a generated message: data
	Store    *store.Store       // want `component web depends on concrete store\.Store of store: 1 field \(1 use\); no use binds to the type: an interface declared where it is used would replace it`
	Mock     *store.MockStore   // a mock: generated surface
	Conflict *store.ErrConflict // an error type: a value
}

// Start starts the jobs: web imports jobs, which so is no composition root.
func Start() { jobs.Run() }

// Descriptor reads the generated file descriptor: no shared state.
func Descriptor() string { return api.File_api_proto.Path }
