// Package prescan holds, below it, one package for each way a package
// comes to have a route fact with nothing else that would: each pins one
// test of FactPossible (TestMayHaveFacts).
package prescan
