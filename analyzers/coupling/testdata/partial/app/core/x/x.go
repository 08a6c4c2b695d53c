// Package x imports nothing.
package x

// U is a number.
const U = 1
