package main

import (
	"example.com/gen/jobs"
	"example.com/gen/server"
)

func main() {
	_ = server.New()
	jobs.Run()
}
