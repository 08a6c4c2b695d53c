package engine

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestCompleteTypes: a package importing one with type errors has
// complete types of its own unless it uses what the errors left without
// a type (a variable, a field, a function's signature).
func TestCompleteTypes(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":        "module example.com/m\n\ngo 1.24\n",
		"bad/bad.go":    "package bad\n\nvar Bad = missing\n\nfunc Good() int { return missingToo }\n\ntype T struct{ F undefinedT }\n\nfunc Sig(x undefinedS) {}\n",
		"good/good.go":  "package good\n\nimport \"example.com/m/bad\"\n\nvar N = bad.Good()\n\nvar t bad.T\n\nvar _ = t\n",
		"usevar/v.go":   "package usevar\n\nimport \"example.com/m/bad\"\n\nvar V = bad.Bad\n",
		"usefield/f.go": "package usefield\n\nimport \"example.com/m/bad\"\n\nfunc F(t bad.T) { _ = t.F }\n",
		"usesig/s.go":   "package usesig\n\nimport \"example.com/m/bad\"\n\nvar S = bad.Sig\n",
		"own/own.go":    "package own\n\nvar O int = \"one\"\n",
		"fine/fine.go":  "package fine\n\nvar F = 1\n",
		"lenc/lenc.go":  "package lenc\n\nimport \"example.com/m/bad\"\n\nconst c = \"abc\"\n\nvar L = len(c) + bad.Good()\n\nvar A [len(c)]int\n",
	} {
		writeFile(t, filepath.Join(dir, name), src)
	}
	pkgs, err := Load(&packages.Config{Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"example.com/m/bad":      false, // its own errors
		"example.com/m/own":      false,
		"example.com/m/good":     true, // ill-typed through bad, complete itself
		"example.com/m/usevar":   false,
		"example.com/m/usefield": false,
		"example.com/m/usesig":   false,
		"example.com/m/fine":     true,
		"example.com/m/lenc":     true, // len of a constant: a built-in without a signature
	}
	for _, p := range pkgs {
		w, ok := want[p.PkgPath]
		if !ok {
			t.Fatalf("unexpected package %s", p.PkgPath)
		}
		delete(want, p.PkgPath)
		if got := CompleteTypes(p); got != w {
			t.Errorf("%s: complete types %v, want %v (ill-typed %v, errors %v)", p.PkgPath, got, w, p.IllTyped, p.Errors)
		}
	}
	if len(want) > 0 {
		t.Errorf("not loaded: %v", want)
	}
}
