// Package users manages customer accounts: sign-up, profile and address.
// Authentication happens in the gateway in front of the service, which
// forwards the signed-in customer's ID in the X-Customer-Id header.
package users
