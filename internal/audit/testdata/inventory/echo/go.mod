module example.com/echo

go 1.24

require github.com/labstack/echo/v4 v4.13.3

replace github.com/labstack/echo/v4 => ./stubs/echo
