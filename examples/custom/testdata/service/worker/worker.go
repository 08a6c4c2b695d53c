// Package worker processes jobs.
package worker

import "os"

// Concurrency is how many jobs run at once.
func Concurrency() string { return os.Getenv("WORKER_CONCURRENCY") }
