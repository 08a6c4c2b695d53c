package main

import (
	"net/http"

	"example.com/global/orders"
)

func main() {
	mux := http.NewServeMux()
	orders.Public(mux)
	_ = http.ListenAndServe(":8080", mux)
}
