package api_test

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/api"
	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/engine/enginetest"
)

// program runs the family's analyzers on the module in dir as the audit
// does and returns the whole-program view.
func program(t *testing.T, dir string) *family.Program {
	t.Helper()
	s := family.Settings{}
	prog := enginetest.Program(t, dir, api.Family().New(s))
	prog.Settings = s
	prog.Place = component.NewResolver(nil, []component.Module{{Path: prog.Packages[0].Module}}).Resolve
	return prog
}

func TestGlobalGroupsAcrossPackages(t *testing.T) {
	prog := program(t, "testdata/global")
	perPackage := 0
	for _, p := range prog.Packages {
		for _, res := range p.Results {
			if rr, ok := res.(*api.RouteResult); ok {
				perPackage += len(rr.PackageFindings(prog.Place))
			}
		}
	}
	if perPackage != 2 {
		t.Errorf("per-package findings = %d, want 2 (one in each command)", perPackage)
	}
	var fs []finding.Finding
	for _, f := range api.Global(prog) {
		if f.Rule == api.RuleUnversionedRoute {
			fs = append(fs, f)
		}
	}
	if len(fs) != 1 {
		t.Fatalf("Global = %d findings, want 1: %+v", len(fs), fs)
	}
	f := fs[0]
	if f.Subject != "/" || f.Rule != api.RuleUnversionedRoute {
		t.Errorf("finding = %s %s, want api.unversioned-route /", f.Rule, f.Subject)
	}
	if !strings.Contains(f.Message, "(/orders)") || !strings.HasSuffix(f.Message, "versioned beside it: /v2") {
		t.Errorf("message = %q, want the resource /orders and the versioned /v2 of the other command", f.Message)
	}
	if f.Evidence.Sites != 3 || f.Evidence.Packages != 2 || f.Evidence.Components != 2 || !f.Evidence.Public || f.Evidence.Partial {
		t.Errorf("evidence = %+v, want 3 sites in 2 packages of 2 components, public, not partial", f.Evidence)
	}
	if len(f.Related) != 3 {
		t.Fatalf("related = %d, want 3", len(f.Related))
	}
	var files []string
	for _, r := range f.Related {
		files = append(files, filepath.Base(filepath.Dir(prog.Fset.Position(r.Pos).Filename)))
	}
	want := []string{"admin", "orders", "orders"}
	sort.Strings(files)
	for i := range want {
		if files[i] != want[i] {
			t.Errorf("related positions in %v, want %v (registrations, not call sites)", files, want)
			break
		}
	}
	if got := prog.Fset.Position(f.Pos).Filename; filepath.Base(filepath.Dir(got)) != "admin" {
		t.Errorf("finding at %s, want the first registration (cmd/admin sorts first)", got)
	}
}

// TestGlobalStorageByComponent checks that the storage models encoded by
// the packages of one component are one decision, and that a type read
// from rows in a package the handlers never import is still a table type.
func TestGlobalStorageByComponent(t *testing.T) {
	prog := program(t, "testdata/global")
	for _, p := range prog.Packages {
		for _, res := range p.Results {
			if sr, ok := res.(*api.StorageResult); ok && len(sr.Findings()) > 0 {
				t.Errorf("%s: per-package findings %v, want none (model.Order is read from rows elsewhere)", p.Path, sr.Findings())
			}
		}
	}
	var fs []finding.Finding
	for _, f := range api.Global(prog) {
		if f.Rule == api.RuleStorageModelExposed {
			fs = append(fs, f)
		}
	}
	if len(fs) != 1 {
		t.Fatalf("storage findings = %d, want 1: %+v", len(fs), fs)
	}
	f := fs[0]
	if f.Subject != "orders" {
		t.Errorf("subject = %q, want the component orders", f.Subject)
	}
	if want := "component orders encodes model.Order, a database model (rows scanned into its fields), directly as JSON responses at 2 sites"; f.Message != want {
		t.Errorf("message = %q, want %q", f.Message, want)
	}
	if f.Evidence.Sites != 2 || f.Evidence.Packages != 2 || f.Evidence.Components != 1 || !f.Evidence.DataAtRest || f.Evidence.Partial {
		t.Errorf("evidence = %+v, want 2 sites in 2 packages of 1 component, data at rest, not partial", f.Evidence)
	}
	if len(f.Related) != 1 {
		t.Errorf("related = %d, want 1 (the second site)", len(f.Related))
	}
}

// TestInventoryProtocolPaths: the policy's protocol-paths make a route a
// protocol in the inventory, whatever its handler writes.
func TestInventoryProtocolPaths(t *testing.T) {
	prog := program(t, "testdata/global")
	kinds := func() map[string]string {
		out := map[string]string{}
		for _, r := range api.Inventory(prog).Routes {
			out[r.Method+" "+r.Path] = r.Kind
		}
		return out
	}
	if got := kinds()["DELETE /orders/{id}"]; got != "api" {
		t.Fatalf("kind of DELETE /orders/{id} = %q without protocol-paths, want api", got)
	}
	prog.Settings = family.Settings{Options: map[string]map[string]any{api.RuleUnversionedRoute: {"protocol-paths": []string{"/orders/*"}}}}
	got := kinds()
	if got["DELETE /orders/{id}"] != "protocol" || got["GET /v2/orders"] != "api" {
		t.Errorf("kinds with protocol-paths [/orders/*] = %v, want DELETE /orders/{id} protocol and GET /v2/orders api", got)
	}
}

// TestInventoryStatusOnly: a handler that answers with a status alone is
// api in the inventory where the api rules count it in an API (below an
// API root, on a resource whose other routes encode JSON), and stays
// other elsewhere.
func TestInventoryStatusOnly(t *testing.T) {
	prog := program(t, "testdata/statusonly")
	var got []string
	for _, r := range api.Inventory(prog).Routes {
		got = append(got, r.Method+" "+r.Path+" "+r.Kind)
	}
	sort.Strings(got)
	want := []string{
		"DELETE /api/items/{id} api", "DELETE /orders/{id} api", "GET /api/items api", "GET /orders/{id} api",
		"OPTIONS /api/items other", "POST /api/items/{id}/archive api", "POST /logout other",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inventory = %q, want %q", got, want)
	}
}

// TestGlobalLateModules: routes registered by modules reached through a
// list of functions and an interface are in the inventory and judged.
func TestGlobalLateModules(t *testing.T) {
	prog := program(t, "testdata/late")
	var got []string
	for _, r := range api.Inventory(prog).Routes {
		got = append(got, r.Method+" "+r.Path+" "+r.Kind+" "+filepath.Base(prog.Fset.Position(r.Pos).Filename))
	}
	sort.Strings(got)
	want := []string{"GET /api/users api users.go", "GET /v1/items api items.go", "GET /{r.prefix}/v1/legacy/items api items.go"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inventory = %q, want %q", got, want)
	}
	var fs []finding.Finding
	for _, f := range api.Global(prog) {
		if f.Rule == api.RuleUnversionedRoute {
			fs = append(fs, f)
		}
	}
	if len(fs) != 1 || fs[0].Subject != "/api" || len(fs[0].Related) != 1 ||
		filepath.Base(prog.Fset.Position(fs[0].Related[0].Pos).Filename) != "users.go" {
		t.Fatalf("Global = %+v, want one finding on /api with the users route", fs)
	}
}
