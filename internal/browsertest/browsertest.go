// Package browsertest loads the HTML pages oneway writes in headless
// Chromium for tests: what the page's script made of the DOM, and every
// console message (a script error, or a style, script or request the
// page's Content-Security-Policy blocked).
package browsertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Chromium returns a Chromium or Chrome binary ($ONEWAY_CHROMIUM, else
// the first on PATH), or skips the test.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("ONEWAY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium or Chrome on PATH (install chromium, or set ONEWAY_CHROMIUM): the HTML page is not checked in a browser")
	return ""
}

// Load writes page to a temporary file, loads it in bin (headless, no
// network, a fresh profile, 1280×900) and returns the DOM after its
// scripts ran and the console messages it logged.
func Load(t testing.TB, bin string, page []byte) (dom string, console []string) {
	t.Helper()
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	if err := os.WriteFile(name, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
		"--window-size=1280,900", "--dump-dom", "file://"+filepath.ToSlash(name))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	for line := range strings.SplitSeq(stderr.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") || strings.Contains(line, "Uncaught") {
			console = append(console, line)
		}
	}
	return stdout.String(), console
}
