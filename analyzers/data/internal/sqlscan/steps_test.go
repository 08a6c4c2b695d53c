package sqlscan

import (
	"strings"
	"testing"
)

// TestParenRunIsLinear: at each "(" of a run the scanner looks ahead for
// the statement the run opens; measured once per run, the lookahead
// examines each token once, whatever the run's length (once per "(", a
// megabyte of "(" took half an hour). A bound on the steps, not on time.
func TestParenRunIsLinear(t *testing.T) {
	for _, n := range []int{1_000, 100_000} {
		src := "SELECT " + strings.Repeat("(", n) + "1 FROM t"
		p := newParser(src, 0)
		p.statements()
		if p.lookahead > n+1 {
			t.Errorf("a run of %d \"(\" made the lookahead examine %d tokens, want at most %d", n, p.lookahead, n+1)
		}
		if p.lookahead < n {
			t.Errorf("a run of %d \"(\": the lookahead examined %d tokens, fewer than the run: the test measures nothing", n, p.lookahead)
		}
	}
}
