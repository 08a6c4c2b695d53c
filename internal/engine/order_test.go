package engine

import (
	"slices"
	"sync"
	"testing"
)

// TestInDependencyOrder: every node runs once, after its imports; of the
// nodes ready, the one heading the costliest chain of importers runs
// first, so that a long chain is not left to run alone at the end.
func TestInDependencyOrder(t *testing.T) {
	t.Parallel()
	// small ← app; big ← mid ← top ← app (arrows: imported by).
	imports := map[string][]string{
		"small": nil,
		"big":   nil,
		"mid":   {"big"},
		"top":   {"mid"},
		"app":   {"small", "top"},
	}
	weight := map[string]int64{"small": 1, "big": 10, "mid": 5, "top": 5, "app": 1}
	nodes := []string{"small", "big", "mid", "top", "app"} // imports first, small ready first
	importsOf := func(n string) []string { return imports[n] }

	var got []string
	inDependencyOrderOn(1, nodes, importsOf, func(n string) int64 { return weight[n] }, func(n string) { got = append(got, n) })
	if want := []string{"big", "mid", "top", "small", "app"}; !slices.Equal(got, want) {
		t.Errorf("one worker, by weight: %v, want %v (the long chain first)", got, want)
	}

	got = nil
	inDependencyOrderOn(1, nodes, importsOf, nil, func(n string) { got = append(got, n) })
	if want := []string{"big", "mid", "small", "top", "app"}; !slices.Equal(got, want) {
		t.Errorf("one worker, unweighted: %v, want %v (the longer chain first; on a tie, the order given)", got, want)
	}

	// On several workers, each node still runs once and after its imports.
	for range 20 {
		var mu sync.Mutex
		done := map[string]bool{}
		inDependencyOrderOn(4, nodes, importsOf, nil, func(n string) {
			mu.Lock()
			defer mu.Unlock()
			if done[n] {
				t.Errorf("%s ran twice", n)
			}
			for _, imp := range imports[n] {
				if !done[imp] {
					t.Errorf("%s ran before its import %s", n, imp)
				}
			}
			done[n] = true
		})
		if len(done) != len(nodes) {
			t.Fatalf("%d of %d nodes ran", len(done), len(nodes))
		}
	}
}
