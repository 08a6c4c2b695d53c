// Command auditprof runs a oneway command in-process, as the oneway
// binary would, with CPU and heap profiling around it: the way to
// profile an audit without adding profiling flags to the CLI.
//
//	auditprof -cpuprofile cpu.out -memprofile mem.out -C DIR audit -format json ./...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/cli"
)

func main() {
	cpu := flag.String("cpuprofile", "", "write a CPU profile to this file")
	mem := flag.String("memprofile", "", "write a heap profile (after the command) to this file")
	dir := flag.String("C", ".", "directory to run the command in")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: auditprof [-cpuprofile FILE] [-memprofile FILE] [-C DIR] COMMAND [ARGS]")
		os.Exit(2)
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, "auditprof:", err)
			os.Exit(2)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "auditprof:", err)
			os.Exit(2)
		}
	}
	code := cli.Main(context.Background(), flag.Args(), cli.Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Dir: *dir, Getenv: os.Getenv,
		Families: analyzers.Families(),
	})
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if *mem != "" {
		f, err := os.Create(*mem)
		if err == nil {
			runtime.GC()
			err = pprof.Lookup("allocs").WriteTo(f, 0)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "auditprof:", err)
			os.Exit(2)
		}
	}
	os.Exit(code)
}
