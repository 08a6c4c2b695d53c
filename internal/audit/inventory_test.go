package audit

import (
	"context"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/policy"
)

func TestInventoryExp(t *testing.T) {
	for i := 0; i < 2; i++ {
		t0 := time.Now()
		cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule, Dir: "/tmp/ws"}
		pkgs, err := packages.Load(cfg, "./chi/...", "./sqlx/...")
		t.Logf("list %v %d %v", time.Since(t0), len(pkgs), err)
		t0 = time.Now()
		cfg = &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: "/tmp/ws"}
		pkgs, err = packages.Load(cfg, "./chi/...", "./sqlx/...")
		t.Logf("load %v %d %v", time.Since(t0), len(pkgs), err)
		t0 = time.Now()
		_, err = Run(context.Background(), Options{Dir: "/tmp/ws", Patterns: []string{"./chi/...", "./sqlx/..."}, Policy: policy.Default(), Families: analyzers.Families()})
		t.Logf("run all %v %v", time.Since(t0), err)
	}
}
