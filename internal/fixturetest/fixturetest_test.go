package fixturetest

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestMatchedAny(t *testing.T) {
	results := []*analysistest.Result{{Pass: &analysis.Pass{Pkg: types.NewPackage("shop/orders", "orders")}}}
	for _, c := range []struct {
		pattern string
		want    bool
	}{
		{"shop/...", true},
		{"shop/orders", true},
		{"shop/orders/...", true},
		{"./...", true},
		{"shop/users/...", false},
		{"shops/...", false},
		{"shop/order", false},
		{"./orders", true},
		{"./orders/...", true},
		{"./users", false},
	} {
		if got := matchedAny(c.pattern, results); got != c.want {
			t.Errorf("matchedAny(%q) = %v, want %v", c.pattern, got, c.want)
		}
	}
	if matchedAny("./...", nil) {
		t.Error("./... matched with no package at all")
	}
}
