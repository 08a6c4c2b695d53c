package cache

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Trim removes the entries not used for MaxAge, and temporary files
// left by writers that died, at most once every trimEvery (a marker
// file records the last trim).
//
// It removes only what oneway writes: regular files named as ownFile
// says in <kind>/<two hex digits>/ for the known kinds, and tags being
// written at the root. It follows no symbolic link and looks in no
// other directory, so a file of the user's in the cache stays.
func (c *Cache) Trim() {
	marker := filepath.Join(c.dir, trimmedName)
	if fi, err := os.Stat(marker); err == nil && time.Since(fi.ModTime()) < trimEvery {
		return
	}
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		return
	}
	root, err := os.OpenRoot(c.dir) // no path below escapes the cache, even if a directory is swapped for a link
	if err != nil {
		return
	}
	defer func() { _ = root.Close() }()
	fsys := root.FS()
	cutoff := time.Now().Add(-MaxAge)
	old := func(e fs.DirEntry) bool {
		if !e.Type().IsRegular() {
			return false
		}
		fi, err := e.Info()
		return err == nil && fi.ModTime().Before(cutoff)
	}
	// Trimming is best effort: what cannot be read is skipped.
	top, _ := fs.ReadDir(fsys, ".")
	for _, e := range top {
		if strings.HasPrefix(e.Name(), tagTmpPrefix) && old(e) {
			_ = root.Remove(e.Name())
		}
	}
	for _, kind := range kinds() {
		if fi, err := root.Lstat(kind); err != nil || !fi.IsDir() {
			continue
		}
		subs, _ := fs.ReadDir(fsys, kind)
		for _, s := range subs {
			if !s.Type().IsDir() || !isHex(s.Name(), 2) {
				continue
			}
			dir := path.Join(kind, s.Name())
			files, _ := fs.ReadDir(fsys, dir)
			for _, f := range files {
				if ownFile(f.Name(), s.Name()) && old(f) {
					_ = root.Remove(filepath.Join(kind, s.Name(), f.Name()))
				}
			}
		}
	}
}
