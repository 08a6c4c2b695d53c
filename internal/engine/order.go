package engine

import (
	"runtime"
	"sync"
)

// inDependencyOrder calls do on every node, each after do returned for
// every node it imports, on up to GOMAXPROCS goroutines at once. importsOf
// names a node's imports; an import that is not among nodes is not
// waited for, and one named twice counts once.
func inDependencyOrder[N comparable](nodes []N, importsOf func(N) []N, do func(N)) {
	if len(nodes) == 0 {
		return
	}
	in := make(map[N]bool, len(nodes))
	for _, n := range nodes {
		in[n] = true
	}
	pending := make(map[N]int, len(nodes))
	importers := make(map[N][]N, len(nodes))
	for _, n := range nodes {
		seen := map[N]bool{}
		for _, imp := range importsOf(n) {
			if in[imp] && !seen[imp] {
				seen[imp] = true
				pending[n]++
				importers[imp] = append(importers[imp], n)
			}
		}
	}
	ready := make(chan N, len(nodes))
	for _, n := range nodes {
		if pending[n] == 0 {
			ready <- n
		}
	}
	var mu sync.Mutex // guards pending and left
	left := len(nodes)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(nodes)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range ready {
				do(n)
				mu.Lock()
				for _, imp := range importers[n] {
					if pending[imp]--; pending[imp] == 0 {
						ready <- imp
					}
				}
				if left--; left == 0 {
					close(ready)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}
