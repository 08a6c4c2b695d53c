package engine

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadSource reads files of several sizes through the same buffers
// and checks each against os.ReadFile; then that a parsed file keeps
// nothing of the buffer it was read from: the next file read into it
// leaves the syntax as it was.
func TestReadSource(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string { return writeFile(t, filepath.Join(dir, name), content) }
	big := "package big\n\n// Doc says so.\nvar Page = \"" + strings.Repeat("\\x41", 40000) + "\"\n\nconst Name = \"first\"\n"
	files := []string{
		write("big.go", big),
		write("empty.go", ""),
		write("small.go", "package small\n"),
		write("big2.go", big),
	}
	for _, name := range files {
		data, release, err := readSource(name)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := os.ReadFile(name)
		if !bytes.Equal(data, want) {
			t.Errorf("%s: read %d bytes, want the file's %d", filepath.Base(name), len(data), len(want))
		}
		release()
	}
	if _, release, err := readSource(filepath.Join(dir, "absent.go")); err == nil {
		t.Error("reading an absent file: no error")
	} else {
		release()
	}

	fset := token.NewFileSet()
	data, release, err := readSource(files[0])
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(fset, files[0], data, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	for i := range data {
		data[i] = 'x' // as the next file read into the buffer would
	}
	release()
	var lits []string
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok {
			lits = append(lits, lit.Value[:min(len(lit.Value), 5)])
		}
		return true
	})
	if strings.Join(lits, " ") != `"\x41 "firs` || f.Name.Name != "big" || f.Comments[0].Text() != "Doc says so.\n" {
		t.Errorf("the syntax changed with its buffer: package %q, literals %q, comment %q", f.Name.Name, lits, f.Comments[0].Text())
	}
}
