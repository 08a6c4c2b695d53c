package cache

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// old is an age past MaxAge: a file this old is one Trim would remove,
// were it an entry.
const old = MaxAge + 24*time.Hour

// put writes a file below dir, creating its directories, last modified
// age ago.
func put(t *testing.T, dir, rel, data string, age time.Duration) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	ago := time.Now().Add(-age)
	if err := os.Chtimes(p, ago, ago); err != nil {
		t.Fatal(err)
	}
	return p
}

// symlink makes a symbolic link below dir to target.
func symlink(t *testing.T, dir, rel, target string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		if runtime.GOOS == "windows" {
			t.Skipf("no symbolic links: %v", err)
		}
		t.Fatal(err)
	}
}

// entryName is the path, relative to the cache, of the entry of kind
// for the key of seed.
func entryName(kind, seed string) string {
	k := Key(sha256.Sum256([]byte(seed))).String()
	return kind + "/" + k[:2] + "/" + k
}

// entryData is an entry holding data, as Put writes it.
func entryData(data string) string {
	sum := sha256.Sum256([]byte(data))
	return magic + string(sum[:]) + data
}

// tree lists the paths below dir, with the size of each file and the
// target of each link, not following links.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch fi, err := d.Info(); {
		case err != nil:
			return err
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			list = append(list, rel+" -> "+target)
		case d.IsDir():
			list = append(list, rel+"/")
		default:
			list = append(list, fmt.Sprintf("%s (%d bytes)", rel, fi.Size()))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// checkTag fails unless dir holds oneway's cache directory tag.
func checkTag(t *testing.T, dir string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "CACHEDIR.TAG"))
	if err != nil {
		t.Fatalf("no cache directory tag: %v", err)
	}
	first, rest, _ := strings.Cut(string(b), "\n")
	if first != "Signature: 8a477f597d28d172789f06886806bc55" || !strings.HasPrefix(rest, "#") || !strings.Contains(rest, "oneway") {
		t.Errorf("CACHEDIR.TAG is not a cache directory tag saying it is oneway's:\n%s", b)
	}
}

// TestOpenRefuses: Open refuses a directory that holds anything oneway
// did not write — $ONEWAY_CACHE set to ~, to . or by a typo — and leaves
// it as it was; Trim could otherwise remove the user's files.
func TestOpenRefuses(t *testing.T) {
	outside := t.TempDir()
	precious := put(t, outside, "precious.txt", "keep me", old)
	entry := entryName(KindResults, "a")
	for _, tc := range []struct {
		name, reason string
		make         func(t *testing.T, dir string)
	}{
		{"a home directory", "a user's files, a repository and a link elsewhere, all unchanged for weeks", func(t *testing.T, dir string) {
			put(t, dir, "notes.txt", "my notes", old)
			put(t, dir, ".git/config", "[core]\n", old)
			put(t, dir, "src/main.go", "package main\n", old)
			symlink(t, dir, "elsewhere", outside)
		}},
		{"a repository", "ONEWAY_CACHE=. at the root of a repository", func(t *testing.T, dir string) {
			put(t, dir, ".git/config", "[core]\n", old)
		}},
		{"a link", "a single link to a directory elsewhere", func(t *testing.T, dir string) {
			symlink(t, dir, "elsewhere", outside)
		}},
		{"a kind that is a link", "oneway never makes links: following results would reach outside", func(t *testing.T, dir string) {
			symlink(t, dir, KindResults, outside)
		}},
		{"a kind that is a file", "oneway's kinds are directories", func(t *testing.T, dir string) {
			put(t, dir, KindDeps, "a file named deps", old)
		}},
		{"a user file in a kind", "a user's directory that happens to be called results", func(t *testing.T, dir string) {
			put(t, dir, entry, entryData("a"), old)
			put(t, dir, "results/notes.txt", "my notes", old)
		}},
		{"a user file among entries", "only entries and temporary files are oneway's", func(t *testing.T, dir string) {
			put(t, dir, entry, entryData("a"), old)
			put(t, dir, filepath.ToSlash(filepath.Dir(entry))+"/notes.txt", "my notes", old)
		}},
		{"another program's tag", "another program's cache is not oneway's", func(t *testing.T, dir string) {
			put(t, dir, "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by another program.\n", old)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.make(t, dir)
			before := tree(t, dir)
			c, err := Open(dir)
			if err == nil {
				c.Trim()
				t.Fatalf("%s: Open succeeded; after Trim the directory holds\n%s\nwas\n%s", tc.reason, strings.Join(tree(t, dir), "\n"), strings.Join(before, "\n"))
			}
			if !errors.Is(err, ErrNotCache) {
				t.Errorf("%s: Open: %v, want an error wrapping ErrNotCache", tc.reason, err)
			}
			for _, want := range []string{dir, "not oneway's cache", "ONEWAY_CACHE", "empty or new directory"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%s: Open: %v, want it to say %q", tc.reason, err, want)
				}
			}
			if after := tree(t, dir); !slices.Equal(after, before) {
				t.Errorf("%s: Open changed the directory it refused:\n%s\nwas\n%s", tc.reason, strings.Join(after, "\n"), strings.Join(before, "\n"))
			}
			if !exists(precious) {
				t.Errorf("%s: a file outside the directory was removed", tc.reason)
			}
		})
	}
}

// TestOpenTags: Open tags a directory it creates, or finds empty, as
// oneway's, and opens it again (with entries) later.
func TestOpenTags(t *testing.T) {
	for _, tc := range []struct {
		name, reason string
		dir          func(t *testing.T) string
	}{
		{"new", "the usual first run", func(t *testing.T) string { return filepath.Join(t.TempDir(), "a", "cache") }},
		{"empty", "a directory made for the cache (mktemp -d)", func(t *testing.T) string { return t.TempDir() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			c, err := Open(dir)
			if err != nil {
				t.Fatalf("%s: %v", tc.reason, err)
			}
			checkTag(t, dir)
			k := Key(sha256.Sum256([]byte("a")))
			if err := c.Put(KindResults, k, []byte("value")); err != nil {
				t.Fatal(err)
			}
			c.Trim()
			c, err = Open(dir)
			if err != nil {
				t.Fatalf("%s: reopening the cache: %v", tc.reason, err)
			}
			if got, ok := c.Get(KindResults, k); !ok || string(got) != "value" {
				t.Errorf("%s: Get after reopening = %q, %v", tc.reason, got, ok)
			}
		})
	}
}

// TestOpenAdopts: a cache written by an earlier oneway, without a tag,
// is recognised by its names, tagged and trimmed of its old entries
// only.
func TestOpenAdopts(t *testing.T) {
	dir := t.TempDir()
	oldResult := put(t, dir, entryName(KindResults, "old"), entryData("old"), old)
	oldDeps := put(t, dir, entryName(KindDeps, "old"), entryData("old"), old)
	oldTmp := put(t, dir, filepath.ToSlash(filepath.Dir(entryName(KindDeps, "old")))+"/.tmp-123", "torn", old)
	fresh := put(t, dir, entryName(KindResults, "fresh"), entryData("fresh"), time.Hour)
	freshTmp := put(t, dir, filepath.ToSlash(filepath.Dir(entryName(KindResults, "fresh")))+"/.tmp-456", "being written", time.Minute)
	put(t, dir, "trimmed", "", 2*trimEvery)

	c, err := Open(dir)
	if err != nil {
		t.Fatalf("an earlier oneway's cache: %v", err)
	}
	checkTag(t, dir)
	c.Trim()
	for _, p := range []string{oldResult, oldDeps, oldTmp} {
		if exists(p) {
			t.Errorf("Trim left %s, unused for more than MaxAge", p)
		}
	}
	for _, p := range []string{fresh, freshTmp} {
		if !exists(p) {
			t.Errorf("Trim removed %s, used within MaxAge", p)
		}
	}
	if got, ok := c.Get(KindResults, Key(sha256.Sum256([]byte("fresh")))); !ok || string(got) != "fresh" {
		t.Errorf("Get of an adopted entry = %q, %v", got, ok)
	}
}

// TestOpenConcurrent: runs that open a new cache directory at once all
// succeed (each may see the others' tag being written, and entries), and
// leave one tag.
func TestOpenConcurrent(t *testing.T) {
	for round := range 20 {
		dir := filepath.Join(t.TempDir(), "cache")
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				c, err := Open(dir)
				if err != nil {
					t.Errorf("round %d, opener %d: %v", round, i, err)
					return
				}
				if err := c.Put(KindDeps, Key(sha256.Sum256(fmt.Appendf(nil, "%d", i))), []byte("facts")); err != nil {
					t.Errorf("round %d, opener %d: %v", round, i, err)
				}
			})
		}
		wg.Wait()
		checkTag(t, dir)
		top, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range top {
			if e.Name() != "CACHEDIR.TAG" && e.Name() != KindDeps {
				t.Errorf("round %d: %s left at the cache's root", round, e.Name())
			}
		}
	}
}
