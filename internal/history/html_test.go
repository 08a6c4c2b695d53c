package history

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/browsertest"
	"github.com/oneway-lint/oneway/internal/report"
)

// TestHTMLBrowser loads the history page in headless Chromium: no
// console message (a style the page's policy blocked would log one), the
// chart and a trend line drawn, and markup from the analysed code shown
// as text, never made an element.
func TestHTMLBrowser(t *testing.T) {
	bin := browsertest.Chromium(t)
	if testing.Short() {
		t.Skip("starts a browser")
	}
	at := func(d int) time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	hostile := "<script>alert(1)</script>"
	rep := func(cost int) *report.Report {
		return &report.Report{
			Decisions: []report.Decision{{Fingerprint: "f", Rule: "data.shared-table", Class: report.InvestNow, Cost: cost, Subject: hostile,
				Evidence: finding.Evidence{Sites: cost / 10, Packages: 1, Components: 2}}},
			Inventory: report.Inventory{Tables: []report.Table{{Name: hostile}}},
		}
	}
	h := Build([]Point{
		{Revision: Revision{"c0", at(0)}, Report: rep(40)},
		{Revision: Revision{"c1", at(30)}, Failed: hostile},
		{Revision: Revision{"c2", at(60)}, Report: rep(96)},
	}, false)
	var page bytes.Buffer
	if err := HTML(&page, h); err != nil {
		t.Fatal(err)
	}
	dom, console := browsertest.Load(t, bin, page.Bytes())
	for _, line := range console {
		t.Errorf("console message: %s", line)
	}
	for _, want := range []string{`<polyline class="cost"`, `<svg class="trend"`, "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page lacks %s; the DOM:\n%.3000s", want, dom)
		}
	}
	if strings.Contains(dom, "<script>") {
		t.Errorf("markup from the analysed code became an element")
	}
}
