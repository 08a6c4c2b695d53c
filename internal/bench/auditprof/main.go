// Command auditprof runs a oneway command in-process, as the oneway
// binary would, with CPU and heap profiling around it: the way to
// profile an audit without adding profiling flags to the CLI.
//
//	auditprof -cpuprofile cpu.out -memprofile mem.out -C DIR audit -format json ./...
//
// -peakprofile writes the heap as it was when the live heap was largest
// (checked after every garbage collection): where the peak RSS comes
// from, which a profile taken after the command cannot show.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/cli"
)

func main() {
	cpu := flag.String("cpuprofile", "", "write a CPU profile to this file")
	mem := flag.String("memprofile", "", "write a heap profile (after the command) to this file")
	peak := flag.String("peakprofile", "", "write the heap profile of the largest live heap to this file")
	dir := flag.String("C", ".", "directory to run the command in")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: auditprof [-cpuprofile FILE] [-memprofile FILE] [-peakprofile FILE] [-C DIR] COMMAND [ARGS]")
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
	var stopPeak func() error
	if *peak != "" {
		stopPeak = watchPeak(*peak)
	}
	code := cli.Main(context.Background(), flag.Args(), cli.Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Dir: *dir, Getenv: os.Getenv,
		Families: analyzers.Families(),
	})
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if stopPeak != nil {
		if err := stopPeak(); err != nil {
			fmt.Fprintln(os.Stderr, "auditprof:", err)
			os.Exit(2)
		}
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

// watchPeak keeps the heap profile of the largest live heap seen after a
// garbage collection, and writes it to name when stopped.
func watchPeak(name string) (stop func() error) {
	var (
		mu   sync.Mutex
		best uint64
		prof bytes.Buffer
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	wg.Go(func() {
		var last uint32
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.NumGC == last {
				continue
			}
			last = ms.NumGC
			// HeapAlloc just after a collection is the live heap.
			if ms.HeapAlloc > best {
				mu.Lock()
				best = ms.HeapAlloc
				prof.Reset()
				_ = pprof.Lookup("heap").WriteTo(&prof, 0)
				mu.Unlock()
			}
		}
	})
	return func() error {
		close(done)
		wg.Wait()
		fmt.Fprintf(os.Stderr, "auditprof: largest heap seen %d MB\n", best>>20)
		return os.WriteFile(name, prof.Bytes(), 0o644)
	}
}
