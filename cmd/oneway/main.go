// Command oneway finds the one-way doors in a Go code base. See the
// README for its commands; under go vet -vettool it runs as a unit
// checker with the same analyzers.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/mattn/go-isatty"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/cli"
	"github.com/oneway-lint/oneway/internal/vettool"
)

func main() {
	args := os.Args[1:]
	if vettool.Invoked(args) {
		vet(args)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "oneway: %v\n", err)
		os.Exit(cli.ExitUsage)
	}
	code := cli.Main(ctx, args, cli.Env{
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		Dir:        dir,
		Getenv:     os.Getenv,
		IsTerminal: isTerminal,
	})
	stop()
	os.Exit(code)
}

// vet serves go vet's -vettool protocol.
func vet(args []string) {
	if vettool.IsVersionQuery(args) {
		exe, err := os.Executable()
		var data []byte
		if err == nil {
			data, err = os.ReadFile(exe)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "oneway: %v\n", err)
			os.Exit(1)
		}
		dir, _ := os.Getwd()
		fmt.Print(vettool.VersionLine(cli.Version(), data, dir, vettool.ParentArgs(), os.Getenv))
		os.Exit(0)
	}
	vettool.Register(flag.CommandLine)
	as, err := vettool.Analyzers(args, analyzers.Families(), os.Getenv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "oneway: %v\n", err)
		os.Exit(1)
	}
	unitchecker.Main(as...)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
