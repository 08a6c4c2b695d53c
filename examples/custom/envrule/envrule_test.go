package envrule_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"example.com/oneway-team/envrule"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), envrule.Analyzer, "app")
}
