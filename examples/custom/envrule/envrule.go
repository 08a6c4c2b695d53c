package envrule

import (
	"go/ast"
	"go/constant"
	"path"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// RuleScatteredEnv is the rule's id: family "config", stable once released.
const RuleScatteredEnv = "config.scattered-env"

// Analyzer reports environment reads outside packages named config.
var Analyzer = &analysis.Analyzer{
	Name:       "envread",
	Doc:        "report environment variables read outside the config package",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeFor[*finding.Result](),
	Run:        run,
}

// Family is the rule family to hand to driver.Main.
func Family() family.Family {
	return family.Family{
		Name: "config",
		Rules: []finding.Rule{{
			ID:      RuleScatteredEnv,
			Title:   "environment read outside the config package",
			Summary: "an environment variable is read outside the config package",
			Doc:     "Every environment variable read outside the config package is part of a deployment contract nobody owns. Read the environment in one place and pass values in.",
			Weight:  3,
		}},
		New: func(family.Settings) []*analysis.Analyzer { return []*analysis.Analyzer{Analyzer} },
	}
}

func run(pass *analysis.Pass) (any, error) {
	res := &finding.Result{}
	if path.Base(pass.Pkg.Path()) == "config" {
		return res, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn := typeutil.StaticCallee(pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "os" || (fn.Name() != "Getenv" && fn.Name() != "LookupEnv") || len(call.Args) != 1 {
			return
		}
		name := "a computed name"
		if tv := pass.TypesInfo.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String {
			name = constant.StringVal(tv.Value)
		}
		res.Report(pass, finding.Finding{
			Rule:     RuleScatteredEnv,
			Pos:      call.Pos(),
			Message:  "environment variable " + name + " is read outside the config package",
			Subject:  name,
			Evidence: finding.Evidence{Sites: 1, Packages: 1, Components: 1, Public: true},
		})
	})
	return res, nil
}
