package coupling

import (
	"slices"
	"testing"
)

// TestFeedbackOrder: the order puts dependents first, so that the edges
// going backwards, which close the cycles, are the light ones.
func TestFeedbackOrder(t *testing.T) {
	for _, c := range []struct {
		name, reason string
		edges        map[[2]string]int
		back         [][2]string
	}{
		{"two", "of a <-> b, the direction with fewer references closes the cycle",
			map[[2]string]int{{"a", "b"}: 40, {"b", "a"}: 2}, [][2]string{{"b", "a"}}},
		{"three", "a -> b -> c heavy, c -> a light: c -> a closes it",
			map[[2]string]int{{"a", "b"}: 10, {"b", "c"}: 10, {"c", "a"}: 1}, [][2]string{{"c", "a"}}},
		{"source and sink", "d only depends (a source), e is only depended on (a sink): no back edge touches them",
			map[[2]string]int{{"d", "a"}: 5, {"a", "b"}: 9, {"b", "a"}: 3, {"b", "e"}: 5}, [][2]string{{"b", "a"}}},
	} {
		var nodes []string
		for e := range c.edges {
			for _, n := range e {
				if !slices.Contains(nodes, n) {
					nodes = append(nodes, n)
				}
			}
		}
		out := map[string]map[string]int{}
		for e, w := range c.edges {
			if out[e[0]] == nil {
				out[e[0]] = map[string]int{}
			}
			out[e[0]][e[1]] = w
		}
		order := feedbackOrder(nodes, out)
		pos := map[string]int{}
		for i, n := range order {
			pos[n] = i
		}
		var back [][2]string
		for e := range c.edges {
			if pos[e[0]] > pos[e[1]] {
				back = append(back, e)
			}
		}
		slices.SortFunc(back, func(a, b [2]string) int {
			if a[0] != b[0] {
				return map[bool]int{true: -1, false: 1}[a[0] < b[0]]
			}
			return map[bool]int{true: -1, false: 1}[a[1] < b[1]]
		})
		if !slices.Equal(back, c.back) {
			t.Errorf("%s (%s): order %v leaves back edges %v, want %v", c.name, c.reason, order, back, c.back)
		}
	}
}
