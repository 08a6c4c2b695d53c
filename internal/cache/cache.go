// Package cache is oneway's on-disk cache: values addressed by a
// content key (a SHA-256 of everything they were computed from), safe
// under concurrent runs.
//
// A value is written to a temporary file in its directory and renamed
// into place, so a reader sees a whole entry or none. Each entry carries
// a checksum of its data: an entry torn by a crash, or garbage, reads as
// a miss. Entries are never updated in place — a key names one value —
// so concurrent writers of one key write the same bytes. Entries not
// used for MaxAge are removed now and then.
//
// The directory is marked as oneway's by a CACHEDIR.TAG (see tag.go):
// Open refuses a directory that holds anything else, and Trim removes
// only files named as oneway names its entries, in the directories of
// the kinds below — never a user's file, whatever $ONEWAY_CACHE says.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Key addresses a cache entry.
type Key [sha256.Size]byte

// String returns the key in hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// MaxAge is how long an entry stays after it was last used.
const MaxAge = 5 * 24 * time.Hour

// touchAfter is how old an entry's modification time must be before a
// use renews it (renewing on every use would write on every read).
const touchAfter = time.Hour

// trimEvery is how often a cache is trimmed of unused entries.
const trimEvery = 24 * time.Hour

// magic starts every entry; the checksum of the data follows it.
const magic = "oneway-cache-1\n"

// The kinds of entries: each is a directory at the cache's root. The
// list is closed — Put refuses any other kind — so that Trim knows every
// directory it may remove files from, and Open recognises a cache
// written by an earlier oneway.
const (
	KindResults = "results" // whole reports
	KindDeps    = "deps"    // facts of dependencies
	KindExports = "exports" // the export data files the go command gave for some dependencies
)

// kinds lists the Kind constants.
func kinds() []string { return []string{KindResults, KindDeps, KindExports} }

// knownKind reports whether kind is one of the Kind constants.
func knownKind(kind string) bool { return slices.Contains(kinds(), kind) }

// trimmedName is the file at the cache's root whose modification time
// records the last trim.
const trimmedName = "trimmed"

// tmpPrefix starts the names of files being written (see Put).
const tmpPrefix = ".tmp-"

// Cache is a directory of entries. Its methods are safe for concurrent
// use, also by several processes.
type Cache struct {
	dir string
}

// Open returns the cache in dir, creating the directory if need be.
//
// The directory must be oneway's: tagged by its CACHEDIR.TAG, or empty,
// or a cache written by an earlier oneway (nothing but entries of the
// known kinds and the trim marker) — Open tags the last two. Any other
// directory is refused with an error that wraps ErrNotCache, and nothing
// in it is written or removed.
func Open(dir string) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("cache: no directory")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	if err := claim(dir); err != nil {
		return nil, err
	}
	return &Cache{dir: dir}, nil
}

// DefaultDir is oneway's cache directory: $ONEWAY_CACHE if set, else
// oneway below the user's cache directory (os.UserCacheDir).
func DefaultDir(getenv func(string) string) (string, error) {
	if d := getenv("ONEWAY_CACHE"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "oneway"), nil
}

// Dir returns the cache's directory.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) path(kind string, k Key) string {
	s := k.String()
	return filepath.Join(c.dir, kind, s[:2], s)
}

// Get returns the data stored under kind (one of the Kind constants)
// and k, if any.
func (c *Cache) Get(kind string, k Key) ([]byte, bool) {
	if !knownKind(kind) {
		return nil, false
	}
	p := c.path(kind, k)
	b, err := os.ReadFile(p)
	if err != nil || len(b) < len(magic)+sha256.Size || string(b[:len(magic)]) != magic {
		return nil, false
	}
	sum, data := b[len(magic):len(magic)+sha256.Size], b[len(magic)+sha256.Size:]
	if got := sha256.Sum256(data); string(got[:]) != string(sum) {
		return nil, false
	}
	if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > touchAfter {
		now := time.Now()
		_ = os.Chtimes(p, now, now) // a failure only shortens the entry's life
	}
	return data, true
}

// Put stores data under kind (one of the Kind constants) and k. Errors
// leave the cache as it was (a failed write is a later miss, never a
// wrong hit).
func (c *Cache) Put(kind string, k Key, data []byte) error {
	if !knownKind(kind) {
		return fmt.Errorf("cache: unknown kind %q", kind)
	}
	p := c.path(kind, k)
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	buf := make([]byte, 0, len(magic)+len(sum)+len(data))
	buf = append(append(append(buf, magic...), sum[:]...), data...)
	if _, err := tmp.Write(buf); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return nil
}
