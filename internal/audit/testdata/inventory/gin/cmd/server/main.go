// Command server serves the catalogue.
package main

import (
	"log"

	"example.com/gin/catalog"
	"example.com/gin/internal/httpapi"
)

func main() {
	r := httpapi.NewRouter(catalog.NewHandler())
	log.Fatal(r.Run(":8080"))
}
