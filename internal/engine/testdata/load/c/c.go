// Package c does not parse.
package c

func F() {
