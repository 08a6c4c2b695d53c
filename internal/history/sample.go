// Package history follows a code base's decisions over time: it samples
// revisions of the current branch (Sample), takes the audit of each, and
// matches the decisions across them by fingerprint (Build), so that the
// decisions still open at HEAD can be ranked by how fast they are closing
// — how much their reversal cost grew over the period — beside the
// inventory's growth. oneway history (internal/cli) audits the revisions.
package history

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oneway-lint/oneway/internal/gitrev"
)

// Revision is a commit of the series.
type Revision struct {
	Commit string
	Time   time.Time // the committer's time
}

// Defaults of Sample.
const (
	DefaultPeriod = 365 * 24 * time.Hour
	DefaultStep   = 30 * 24 * time.Hour
)

// Sample returns the revisions of the series, oldest first: HEAD and,
// going back from HEAD's time one step at a time, the last commit of the
// first-parent history (the branch as it was merged) at or before each
// point — for the period, or for n revisions when n > 0. A point before
// the first commit ends the series; two points on one commit are one
// revision. shallow says the clone lacks history before its boundary.
func Sample(ctx context.Context, dir string, period, step time.Duration, n int) (revs []Revision, shallow bool, err error) {
	if step <= 0 {
		return nil, false, fmt.Errorf("the step must be positive, got %v", step)
	}
	out, err := gitrev.Output(ctx, dir, "log", "--first-parent", "--format=%H %ct", "HEAD")
	if err != nil {
		return nil, false, fmt.Errorf("reading the branch's history: %w", err)
	}
	var commits []Revision // newest first
	for line := range strings.Lines(string(out)) {
		hash, secs, ok := strings.Cut(strings.TrimSpace(line), " ")
		unix, perr := strconv.ParseInt(secs, 10, 64)
		if !ok || perr != nil {
			return nil, false, fmt.Errorf("reading the branch's history: unexpected line %q", line)
		}
		commits = append(commits, Revision{Commit: hash, Time: time.Unix(unix, 0).UTC()})
	}
	if len(commits) == 0 {
		return nil, false, fmt.Errorf("the branch has no commits")
	}
	points := n
	if points <= 0 {
		if period <= 0 {
			period = DefaultPeriod
		}
		points = int(period/step) + 1
	}
	head := commits[0].Time
	next := 0 // commits before it are newer than the points still to place
	for k := range points {
		at := head.Add(-time.Duration(k) * step)
		for next < len(commits) && commits[next].Time.After(at) {
			next++
		}
		if next == len(commits) {
			break // before the first commit
		}
		if len(revs) == 0 || revs[len(revs)-1].Commit != commits[next].Commit {
			revs = append(revs, commits[next])
		}
	}
	slices.Reverse(revs)
	s, err := gitrev.Output(ctx, dir, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return nil, false, err
	}
	return revs, strings.TrimSpace(string(s)) == "true", nil
}
