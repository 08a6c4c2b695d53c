module example.com/httprouter

go 1.24

require github.com/julienschmidt/httprouter v1.3.0

replace github.com/julienschmidt/httprouter => ./stubs/httprouter
