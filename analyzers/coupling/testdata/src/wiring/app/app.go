// Package app builds the application: the policy names it a root.
package app

import "wiring/store"

// App holds the services it builds.
type App struct{ S *store.Store }

// New builds them.
func New() *App { return &App{S: &store.Store{}} }
