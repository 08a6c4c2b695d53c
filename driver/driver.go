// Package driver runs the oneway command, optionally with rule families
// of a team's own, the way multichecker.Main serves go vet analyzers.
//
// A family is a set of plain go/analysis analyzers whose results
// implement finding.Source (see the analyzers/family and
// analyzers/finding packages). Its findings get everything oneway's own
// families get: policy weights and rule settings, classification,
// directives, baselines, every report format, and go vet -vettool mode.
//
//	func main() {
//		driver.Main(myrules.Family())
//	}
package driver

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
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/cli"
	"github.com/oneway-lint/oneway/internal/vettool"
)

// Families returns oneway's own families followed by extra.
func Families(extra ...family.Family) []family.Family {
	return append(analyzers.Families(), extra...)
}

// Main runs the command with the process's arguments and exits. Under
// go vet -vettool it serves the unit-checker protocol.
func Main(extra ...family.Family) {
	args := os.Args[1:]
	fams := Families(extra...)
	if vettool.Invoked(args) {
		vet(args, fams)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	// The analyzers do not watch ctx: the first interrupt cancels what
	// can be cancelled (loading, -new-from-rev's work tree) and gives the
	// signal back, so that a second one ends the process.
	context.AfterFunc(ctx, stop)
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "oneway: %v\n", err)
		os.Exit(cli.ExitUsage)
	}
	code := cli.Main(ctx, args, cli.Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Dir: dir, Getenv: os.Getenv,
		IsTerminal: isTerminal, Families: fams,
	})
	stop()
	os.Exit(code)
}

// Run runs one command in-process (audit, init, rules, version) in dir,
// with oneway's families and extra, and returns its exit code. It is
// what tests of a custom binary call.
func Run(ctx context.Context, dir string, args []string, stdout, stderr io.Writer, extra ...family.Family) int {
	return cli.Main(ctx, args, cli.Env{
		Stdout: stdout, Stderr: stderr, Dir: dir, Getenv: os.Getenv, Families: Families(extra...),
	})
}

// vet serves go vet's -vettool protocol.
func vet(args []string, fams []family.Family) {
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
	as, err := vettool.Analyzers(args, fams, os.Getenv)
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
