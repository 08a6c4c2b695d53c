// Package config reads the environment, the one place that should.
package config

import "os"

// DSN is the database address.
func DSN() string { return os.Getenv("DATABASE_URL") }
