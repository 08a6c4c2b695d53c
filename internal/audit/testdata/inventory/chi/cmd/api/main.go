// Command api serves the publishing API.
package main

import (
	"log"
	"net/http"

	"example.com/chi/articles"
	"example.com/chi/internal/router"
)

func main() {
	h := router.New(articles.NewService())
	log.Fatal(http.ListenAndServe(":3333", h))
}
