// Command server serves the CRM.
package main

import (
	"log"
	"os"

	"example.com/echo/internal/server"
)

func main() {
	e := server.New(server.Config{BasePath: os.Getenv("BASE_PATH")})
	log.Fatal(e.Start(":1323"))
}
