package engine

import (
	"container/heap"
	"runtime"
	"sync"
)

// inDependencyOrder calls do on every node, each after do returned for
// every node it imports, on up to GOMAXPROCS goroutines at once. importsOf
// names a node's imports; an import that is not among nodes is not
// waited for, and one named twice counts once.
//
// Of the nodes ready, the one heading the costliest chain of importers
// still to come goes first (cost: weight, a node's own estimated cost;
// nil counts every node as one): a large package that many others wait
// for is started as soon as it can be, rather than after every small one
// that became ready before it, which would leave the other cores idle
// at the end while the long chain runs on one.
func inDependencyOrder[N comparable](nodes []N, importsOf func(N) []N, weight func(N) int64, do func(N)) {
	inDependencyOrderOn(runtime.GOMAXPROCS(0), nodes, importsOf, weight, do)
}

// inDependencyOrderOn is inDependencyOrder on up to workers goroutines.
func inDependencyOrderOn[N comparable](workers int, nodes []N, importsOf func(N) []N, weight func(N) int64, do func(N)) {
	if len(nodes) == 0 {
		return
	}
	index := make(map[N]int, len(nodes))
	for i, n := range nodes {
		index[n] = i
	}
	pending := make([]int, len(nodes))
	importers := make([][]int, len(nodes))
	for i, n := range nodes {
		seen := map[int]bool{}
		for _, imp := range importsOf(n) {
			if j, ok := index[imp]; ok && !seen[j] {
				seen[j] = true
				pending[i]++
				importers[j] = append(importers[j], i)
			}
		}
	}
	q := &readyQueue{rank: chainCosts(nodes, importers, weight)}
	for i := range nodes {
		if pending[i] == 0 {
			heap.Push(q, i)
		}
	}
	var mu sync.Mutex // guards q, pending and left
	cond := sync.NewCond(&mu)
	left := len(nodes)
	var wg sync.WaitGroup
	for range max(min(workers, len(nodes)), 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			for {
				for q.Len() == 0 && left > 0 {
					cond.Wait()
				}
				if left == 0 {
					return
				}
				i := heap.Pop(q).(int)
				mu.Unlock()
				do(nodes[i])
				mu.Lock()
				for _, imp := range importers[i] {
					if pending[imp]--; pending[imp] == 0 {
						heap.Push(q, imp)
						cond.Signal()
					}
				}
				if left--; left == 0 {
					cond.Broadcast()
				}
			}
		}()
	}
	wg.Wait()
}

// chainCosts returns, by node, the cost of the costliest chain from the
// node through its importers, its own weight included.
func chainCosts[N comparable](nodes []N, importers [][]int, weight func(N) int64) []int64 {
	cost := make([]int64, len(nodes))
	done := make([]bool, len(nodes))
	var visit func(i int) int64
	visit = func(i int) int64 {
		if done[i] {
			return cost[i]
		}
		done[i] = true // an import cycle, which the graphs never hold, ends here
		var most int64
		for _, imp := range importers[i] {
			most = max(most, visit(imp))
		}
		w := int64(1)
		if weight != nil {
			w = max(weight(nodes[i]), 1)
		}
		cost[i] = w + most
		return cost[i]
	}
	for i := range nodes {
		visit(i)
	}
	return cost
}

// readyQueue holds the indices of the nodes ready to run, the costliest
// chain first (then the order of the nodes given).
type readyQueue struct {
	rank  []int64
	items []int
}

func (q *readyQueue) Len() int { return len(q.items) }
func (q *readyQueue) Less(a, b int) bool {
	x, y := q.items[a], q.items[b]
	if q.rank[x] != q.rank[y] {
		return q.rank[x] > q.rank[y]
	}
	return x < y
}
func (q *readyQueue) Swap(a, b int) { q.items[a], q.items[b] = q.items[b], q.items[a] }
func (q *readyQueue) Push(x any)    { q.items = append(q.items, x.(int)) }
func (q *readyQueue) Pop() any {
	n := len(q.items) - 1
	x := q.items[n]
	q.items = q.items[:n]
	return x
}
