// Package orders holds an invest-now decision: it is reported.
package orders

func Decided() {} // want `stub decision \[stub.rule, invest-now, cost \d+\]`
