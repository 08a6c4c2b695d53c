// Package accounts serves the accounts of a customer.
package accounts

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Register registers the accounts routes on the group it is given.
func Register(g *echo.Group) {
	g.GET("/:number", balance)
	g.POST("/:number/close", closeAccount)
}

func balance(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"number": c.Param("number"), "balance": 0})
}

func closeAccount(c echo.Context) error {
	return c.NoContent(http.StatusAccepted)
}
