package cache

import (
	"crypto/sha256"
	"path/filepath"
	"testing"
	"time"
)

// TestTrimOnlyEntries: Trim removes old entries and temporary files
// left by dead writers, and nothing else — a user's file in the cache,
// a file elsewhere behind a link, a file named like an entry in the
// wrong place — however old.
func TestTrimOnlyEntries(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	outside := t.TempDir()
	c, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	kOld, kFresh := Key(sha256.Sum256([]byte("old"))), Key(sha256.Sum256([]byte("fresh")))
	for kind, k := range map[string]Key{KindResults: kOld, KindDeps: kFresh} {
		if err := c.Put(kind, k, []byte(kind)); err != nil {
			t.Fatal(err)
		}
	}
	oldEntry := put(t, dir, entryName(KindResults, "old"), entryData(KindResults), old)
	oldDir := filepath.ToSlash(filepath.Dir(entryName(KindResults, "old")))
	freshDir := filepath.ToSlash(filepath.Dir(entryName(KindDeps, "fresh")))
	oldHex := filepath.Base(entryName(KindResults, "old"))
	freshHex := filepath.Base(entryName(KindDeps, "fresh"))
	remove := []string{
		oldEntry,
		put(t, dir, oldDir+"/.tmp-123", "torn", old),
		put(t, dir, freshDir+"/.tmp-456", "torn", old),
		put(t, dir, ".tmp-CACHEDIR.TAG-789", "torn", old),
	}
	keep := []string{
		filepath.Join(dir, filepath.FromSlash(entryName(KindDeps, "fresh"))),
		put(t, dir, freshDir+"/.tmp-1000", "being written", time.Minute),
		put(t, dir, "notes.txt", "my notes", old),
		put(t, dir, "results/notes.txt", "my notes", old),
		put(t, dir, oldDir+"/notes.txt", "my notes", old),
		put(t, dir, oldDir+"/sub/"+oldHex, "not an entry: too deep", old),
		put(t, dir, oldDir+"/"+freshHex, "not an entry: the wrong directory", old),
		put(t, dir, "other/"+oldDir+"/"+oldHex, "not an entry: not a kind", old),
		put(t, dir, "results/zz/"+oldHex, "not an entry: not hex", old),
		put(t, outside, "dir/"+oldHex, "outside", old),
		put(t, outside, oldHex, "outside", old),
	}
	linkDir := "results/00"
	if linkDir == oldDir {
		linkDir = "results/01"
	}
	symlink(t, dir, linkDir, filepath.Join(outside, "dir"))
	symlink(t, dir, freshDir+"/"+oldHex, filepath.Join(outside, oldHex))

	c.Trim()
	for _, p := range remove {
		if exists(p) {
			t.Errorf("Trim left %s", p)
		}
	}
	for _, p := range keep {
		if !exists(p) {
			t.Errorf("Trim removed %s", p)
		}
	}
	if _, ok := c.Get(KindDeps, kFresh); !ok {
		t.Error("Trim removed an entry used within MaxAge")
	}
	checkTag(t, dir)
}
