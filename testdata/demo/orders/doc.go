// Package orders implements checkout: placing an order for a customer,
// charging it, and looking orders up again.
package orders
