package worker

import "os"

// Queue is the legacy queue name.
func Queue() string {
	//oneway:accept config.scattered-env removed with the v1 queue, see ADR-4
	return os.Getenv("QUEUE")
}
