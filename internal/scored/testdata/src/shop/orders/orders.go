// Package orders holds a decision whose sites are spread over two files
// and another package: one issue, its other sites in its text.
package orders

func Decided() {} // want `stub decision \[stub.rule, cheap-later, cost \d+\] \(also more.go:3 third site; orders.go:9 second site; ../web/web.go:3 fourth site\)`

func plain() {}

func Second() {}
