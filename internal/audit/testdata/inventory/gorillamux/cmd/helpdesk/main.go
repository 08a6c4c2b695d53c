// Command helpdesk serves the help desk.
package main

import (
	"html/template"
	"log"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/gorillamux/comments"
	"example.com/gorillamux/dashboard"
	"example.com/gorillamux/tickets"
)

var home = template.Must(template.New("home").Parse(`<h1>Help desk</h1>`))

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	}).Methods(http.MethodGet)
	r.Path("/").Methods("GET").HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = home.Execute(w, nil)
	})
	r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", http.FileServer(http.Dir("./static"))))

	api := r.PathPrefix("/api/v1").Subrouter()
	h := tickets.NewHandler()
	api.HandleFunc("/tickets", h.List).Methods("GET")
	api.HandleFunc("/tickets", h.Create).Methods("POST")
	api.HandleFunc("/tickets/{id:[0-9]+}", h.Get).Methods("GET", "HEAD")
	api.Handle("/tickets/{id:[0-9]+}/close", http.HandlerFunc(h.Close)).Methods(http.MethodPost).Name("close-ticket")
	comments.RegisterRoutes(api)

	admin := r.Host("admin.{domain}").Subrouter()
	admin.HandleFunc("/dashboard", dashboard.Show).Methods("GET")

	log.Fatal(http.ListenAndServe(":8000", r))
}
