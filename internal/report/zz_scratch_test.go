package report

import (
	"os"
	"testing"
)

func TestScratchRender(t *testing.T) {
	in := os.Getenv("SCRATCH_IN")
	if in == "" {
		t.Skip()
	}
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ReadJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.Create(os.Getenv("SCRATCH_OUT"))
	defer out.Close()
	switch os.Getenv("SCRATCH_FMT") {
	case "md":
		err = Markdown(out, r)
	case "dot":
		err = DOT(out, r)
	case "gh":
		err = GitHub(out, nil, r)
	default:
		err = HTML(out, r)
	}
	if err != nil {
		t.Fatal(err)
	}
}
