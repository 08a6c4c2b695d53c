package cache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestPutGet(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := Key(sha256.Sum256([]byte("a")))
	if _, ok := c.Get(KindResults, k); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(KindResults, k, []byte("value")); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(KindResults, k); !ok || string(got) != "value" {
		t.Fatalf("Get = %q, %v; want the value put", got, ok)
	}
	if _, ok := c.Get(KindDeps, k); ok {
		t.Error("a key of one kind hits in another")
	}
	if err := c.Put("../x", k, nil); err == nil {
		t.Error("Put of an unknown kind succeeded")
	}
	if err := c.Put(KindResults, k, nil); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(KindResults, k); !ok || len(got) != 0 {
		t.Errorf("empty value: Get = %q, %v", got, ok)
	}
}

// TestDamagedEntry: an entry that was cut short or changed reads as a
// miss, never as wrong data.
func TestDamagedEntry(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := Key(sha256.Sum256([]byte("a")))
	if err := c.Put(KindResults, k, bytes.Repeat([]byte("data"), 100)); err != nil {
		t.Fatal(err)
	}
	p := c.path(KindResults, k)
	full, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, reason string
		data         []byte
	}{
		{"truncated", "a writer died (or the disk filled) after the rename", full[:len(full)-10]},
		{"flipped", "a bit changed on disk", append(append([]byte{}, full[:len(full)-1]...), full[len(full)-1]^1)},
		{"empty", "a crash left an empty file", nil},
		{"foreign", "another program's file", []byte("not a cache entry at all, but long enough to hold a checksum ....")},
	} {
		if err := os.WriteFile(p, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get(KindResults, k); ok {
			t.Errorf("%s (%s): Get = %q, want a miss", tc.name, tc.reason, got)
		}
	}
}

// TestConcurrentWriters: writers of the same key and readers in parallel
// never see a partial entry, and no temporary file stays behind.
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	k := Key(sha256.Sum256([]byte("shared")))
	value := bytes.Repeat([]byte("0123456789"), 10000)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if err := c.Put(KindResults, k, value); err != nil {
				t.Errorf("writer %d: %v", i, err)
			}
		}()
		go func() {
			defer wg.Done()
			if got, ok := c.Get(KindResults, k); ok && !bytes.Equal(got, value) {
				t.Errorf("reader %d saw a partial entry of %d bytes", i, len(got))
			}
		}()
	}
	wg.Wait()
	var files []string
	_ = filepath.Walk(filepath.Join(dir, KindResults), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 1 {
		t.Errorf("files in the cache: %v, want the one entry", files)
	}
}

func TestDefaultDir(t *testing.T) {
	env := map[string]string{"ONEWAY_CACHE": "/somewhere"}
	if d, err := DefaultDir(func(k string) string { return env[k] }); err != nil || d != "/somewhere" {
		t.Errorf("DefaultDir with $ONEWAY_CACHE = %q, %v", d, err)
	}
	if d, err := DefaultDir(func(string) string { return "" }); err == nil && filepath.Base(d) != "oneway" {
		t.Errorf("DefaultDir = %q, want oneway below the user cache directory", d)
	}
}

func ExampleCache() {
	dir, _ := os.MkdirTemp("", "cache")
	defer func() { _ = os.RemoveAll(dir) }()
	c, _ := Open(dir)
	k := Key(sha256.Sum256([]byte("inputs")))
	_ = c.Put(KindResults, k, []byte("report"))
	v, ok := c.Get(KindResults, k)
	fmt.Println(string(v), ok)
	// Output: report true
}
