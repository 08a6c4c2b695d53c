// Command library serves the library's catalogue.
package main

import (
	"expvar"
	"html/template"
	"log"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/httprouter/authors"
	"example.com/httprouter/books"
)

var index = template.Must(template.New("index").Parse(`<h1>Library</h1>`))

func main() {
	router := httprouter.New()
	router.GET("/", func(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
		_ = index.Execute(w, nil)
	})
	router.HandlerFunc(http.MethodGet, "/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	router.Handler(http.MethodGet, "/debug/vars", expvar.Handler())
	router.ServeFiles("/static/*filepath", http.Dir("public"))

	b := books.NewHandler()
	router.GET("/v1/books", b.List)
	router.POST("/v1/books", b.Create)
	router.GET("/v1/books/:isbn", b.Get)
	router.PUT("/v1/books/:isbn", b.Update)
	router.DELETE("/v1/books/:isbn", b.Delete)
	router.Handle("PATCH", "/v1/books/:isbn", b.Update)
	authors.Register(router)
	router.NotFound = http.NotFoundHandler()

	log.Fatal(http.ListenAndServe(":8080", router))
}
