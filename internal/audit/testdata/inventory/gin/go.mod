module example.com/gin

go 1.24

require github.com/gin-gonic/gin v1.10.0

replace github.com/gin-gonic/gin => ./stubs/gin
