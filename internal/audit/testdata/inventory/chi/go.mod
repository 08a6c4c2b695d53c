module example.com/chi

go 1.24

require github.com/go-chi/chi/v5 v5.2.1

replace github.com/go-chi/chi/v5 => ./stubs/chi
