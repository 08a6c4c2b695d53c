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
	"sync"
	"syscall"

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
	ctx, hooks := handleSignals()
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "oneway: %v\n", err)
		os.Exit(cli.ExitUsage)
	}
	code := cli.Main(ctx, args, cli.Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Dir: dir, Getenv: os.Getenv,
		IsTerminal: isTerminal, Families: fams, OnExit: hooks.add,
	})
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

// handleSignals returns a context that the first interrupt (SIGINT or
// SIGTERM) cancels: what watches it stops, and the command then writes
// nothing and exits with ExitAnalysis. The analyzers do not watch it, so
// a second signal ends the process at once, with 128 + the signal's
// number, after running the hooks registered for that case (removing a
// temporary work tree).
func handleSignals() (context.Context, *exitHooks) {
	ctx, cancel := context.WithCancelCause(context.Background())
	hooks := &exitHooks{fns: map[int]func(){}}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		cancel(fmt.Errorf("signal %v", s))
		s = <-sigs
		fmt.Fprintf(os.Stderr, "oneway: signal %v: stopping now\n", s)
		hooks.run()
		code := 128 + 2
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	}()
	return ctx, hooks
}

// exitHooks are what must run before the process is ended by a second
// signal.
type exitHooks struct {
	mu   sync.Mutex
	next int
	fns  map[int]func()
}

// add registers f and returns a function that unregisters it.
func (h *exitHooks) add(f func()) (unregister func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id := h.next
	h.next++
	h.fns[id] = f
	return func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.fns, id)
	}
}

// run runs the registered functions, in the order they were added.
func (h *exitHooks) run() {
	h.mu.Lock()
	var fns []func()
	for id := range h.next {
		if f, ok := h.fns[id]; ok {
			fns = append(fns, f)
		}
	}
	h.mu.Unlock()
	for _, f := range fns {
		f()
	}
}
