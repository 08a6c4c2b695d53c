module example.com/fiber

go 1.24

require github.com/gofiber/fiber/v2 v2.52.6

replace github.com/gofiber/fiber/v2 => ./stubs/fiber
