package routes

import (
	"go/token"
	"strconv"
	"testing"
)

// TestCollectBounded: each of 30 routers mounted twice below the one
// before serves 2^30 paths; collect stops at its bounds, counted in the
// steps it takes rather than in the time it needs.
func TestCollectBounded(t *testing.T) {
	const levels = 30
	g := &graph{fset: token.NewFileSet(), pkg: "p", parents: map[*node][]*edge{}, children: map[*node][]*edge{}, routesOn: map[*node][]*rawRoute{}}
	nodes := make([]*node, levels+1)
	for i := range nodes {
		nodes[i] = &node{kind: nodeCreated, index: i}
	}
	for i := range levels {
		for _, p := range []string{"/a", "/b"} {
			e := &edge{parent: nodes[i], child: nodes[i+1], prefix: p + strconv.Itoa(i)}
			g.children[nodes[i]] = append(g.children[nodes[i]], e)
		}
	}
	g.routesOn[nodes[levels]] = []*rawRoute{{method: "GET", path: "/leaf"}}
	out := g.collect(nodes[0], "", false, false)
	if len(out) == 0 || len(out) > maxMountPaths {
		t.Errorf("%d routes collected, want some and at most %d", len(out), maxMountPaths)
	}
	// Each step that goes on calls visit for at most two children.
	if limit := 2*maxMountPaths + 1; g.visits > limit {
		t.Errorf("collect took %d steps, more than %d", g.visits, limit)
	}
}
