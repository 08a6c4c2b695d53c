package routes_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/api/routes"
)

// show reports every route the routes analyzer finds, so fixtures can
// say with // want which routes a package serves and with which path.
var show = &analysis.Analyzer{
	Name:       "showroutes",
	Doc:        "report the routes found by apiroutes",
	Requires:   []*analysis.Analyzer{routes.Analyzer},
	ResultType: reflect.TypeOf(0),
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[routes.Analyzer].(*routes.Result)
		for _, r := range res.Routes {
			msg := fmt.Sprintf("route %s %s", r, r.Kind)
			if !r.Const {
				msg += " dynamic"
			}
			if r.Loopback {
				msg += " loopback"
			}
			switch {
			case strings.HasPrefix(r.Handler, "(func("):
				msg += " by func literal"
			case r.Handler != "":
				msg += " by " + r.Handler
			}
			pass.Reportf(r.Pos, "%s", msg)
		}
		return len(res.Routes), nil
	},
}

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), show, "nethttp/...")
}

func TestFrameworks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), show, "frameworks/...")
}
