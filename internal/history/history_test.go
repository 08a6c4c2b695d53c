package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/report"
)

// gitAt runs git in dir with the commit dated at.
func gitAt(t *testing.T, dir string, at time.Time, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	when := at.Format(time.RFC3339)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestSample: the last first-parent commit at or before each point a
// step apart back from HEAD, oldest first, one revision per commit, a
// side branch's commits never chosen, the series ending at the first
// commit.
func TestSample(t *testing.T) {
	dir := t.TempDir()
	day := func(d int) time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	gitAt(t, dir, day(0), "init", "-q", "-b", "main")
	commit := func(d int, msg string) {
		if err := os.WriteFile(filepath.Join(dir, msg[:1]), []byte(msg), 0o644); err != nil {
			t.Fatal(err)
		}
		gitAt(t, dir, day(d), "add", "-A")
		gitAt(t, dir, day(d), "commit", "-q", "-m", msg)
	}
	commit(0, "d0")
	commit(5, "d5")
	commit(25, "d25")
	gitAt(t, dir, day(26), "checkout", "-q", "-b", "side")
	commit(40, "side40") // newer than d25 but not on main's first-parent line
	gitAt(t, dir, day(41), "checkout", "-q", "main")
	commit(38, "d38")
	gitAt(t, dir, day(50), "merge", "-q", "--no-ff", "-m", "m50", "side") // HEAD, day 50

	subject := func(revs []Revision) []string {
		var out []string
		for _, r := range revs {
			cmd := exec.Command("git", "log", "-1", "--format=%s", r.Commit)
			cmd.Dir = dir
			b, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b[:len(b)-1]))
		}
		return out
	}
	step := 10 * 24 * time.Hour
	revs, shallow, err := Sample(context.Background(), dir, 45*24*time.Hour, step, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Points: days 50, 40, 30, 20, 10, 5: m50, d38, d25, d5, d5, d5.
	if got, want := subject(revs), []string{"d5", "d25", "d38", "m50"}; !reflect.DeepEqual(got, want) || shallow {
		t.Errorf("Sample(45 days) = %q (shallow %v), want %q", got, shallow, want)
	}
	revs, _, err = Sample(context.Background(), dir, 0, step, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := subject(revs), []string{"d38", "m50"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Sample(2 revisions) = %q, want %q", got, want)
	}
	revs, _, err = Sample(context.Background(), dir, 400*24*time.Hour, 30*24*time.Hour, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Points: days 50, 20, then before the first commit: the end.
	if got, want := subject(revs), []string{"d5", "m50"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Sample(400 days by 30) = %q, want %q (the series ends at the first commit)", got, want)
	}
	if _, _, err := Sample(context.Background(), dir, 0, 0, 0); err == nil {
		t.Error("Sample with no step: no error")
	}
}

// TestBuild: decisions matched by fingerprint and occurrence, ranked by
// the cost they added, then by cost; accepted ones and those gone by HEAD
// left out; a revision that could not be audited counted as such.
func TestBuild(t *testing.T) {
	dec := func(fp string, occ int, class string, cost, sites int) report.Decision {
		return report.Decision{Fingerprint: fp, Occurrence: occ, Rule: "r." + fp, Class: class, Cost: cost, Subject: fp,
			Evidence: finding.Evidence{Sites: sites, Packages: 1, Components: 1}}
	}
	at := func(d int) time.Time { return time.Date(2026, 1, 1+d, 0, 0, 0, 0, time.UTC) }
	points := []Point{
		{Revision: Revision{"c0", at(0)}, Report: &report.Report{Decisions: []report.Decision{
			dec("steady", 0, report.InvestNow, 50, 4), dec("gone", 0, report.CheapLater, 10, 1), dec("grows", 0, report.CheapLater, 8, 1)}}},
		{Revision: Revision{"c1", at(30)}, Failed: "git: error: unable to read a file\nfatal: Could not reset index file"},
		{Revision: Revision{"c2", at(60)}, Report: &report.Report{Decisions: []report.Decision{
			dec("steady", 0, report.InvestNow, 50, 4), dec("grows", 0, report.InvestNow, 48, 9), dec("new", 0, report.CheapLater, 12, 2),
			dec("new", 1, report.CheapLater, 12, 2), dec("ok", 0, report.Accepted, 99, 1)}}},
	}
	h := Build(points, false)
	var got []string
	for _, d := range h.Decisions {
		got = append(got, d.Fingerprint)
	}
	if want := []string{"grows", "new", "new", "steady"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("decisions %q, want %q", got, want)
	}
	g := h.Decisions[0]
	if g.Growth != 40 || !reflect.DeepEqual(g.Costs, []int{8, 0, 48}) || g.Sites != [2]int{1, 9} || g.FirstSeen != "" {
		t.Errorf("grows: %+v", g)
	}
	if n := h.Decisions[1]; n.FirstSeen != "c2" || n.FirstSeenDate != "2026-03-02" || n.Growth != 12 {
		t.Errorf("new: first seen %q on %q, growth %d; want c2 on 2026-03-02, 12", n.FirstSeen, n.FirstSeenDate, n.Growth)
	}
	if r := h.Revisions[1]; r.Failed == "" || h.Revisions[2].InvestNow != 2 || h.Revisions[2].TotalCost != 122 || h.Revisions[2].Accepted != 1 {
		t.Errorf("revisions: %+v", h.Revisions)
	}
	var text strings.Builder
	if err := Text(&text, h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "\nNot audited\n  2026-01-31 c1: git: error: unable to read a file; fatal: Could not reset index file\n") {
		t.Errorf("a revision not audited is listed below the table with why, on one line:\n%s", text.String())
	}
	h.Decisions[0].Subject = "a|b`<x>\n"
	var md strings.Builder
	if err := Markdown(&md, h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| a\\|b\\`\\<x\\>  |") { // the newline a space
		t.Errorf("a subject from the analysed code is not escaped in Markdown:\n%s", md.String())
	}
	var page strings.Builder
	if err := HTML(&page, h); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Content-Security-Policy", "default-src &#39;none&#39;", `<polyline class="cost" points="50,87 355,180 660,12">`, "a|b`&lt;x&gt;"} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the HTML page lacks %q", want)
		}
	}
	if strings.Contains(page.String(), "<x>") || strings.Contains(page.String(), "<script") {
		t.Errorf("the HTML page holds markup from the analysed code or a script")
	}
	if got := spark([]int{8, 0, 48}); got != "[▂ █]" {
		t.Errorf("spark = %q", got)
	}
}
