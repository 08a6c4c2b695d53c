module example.com/gorillamux

go 1.24

require github.com/gorilla/mux v1.8.1

replace github.com/gorilla/mux => ./stubs/mux
