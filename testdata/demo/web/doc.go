// Package web is the storefront: server-rendered HTML pages, the public
// product API, the customer and order endpoints, and the operational
// endpoints used by the load balancer and monitoring.
package web
