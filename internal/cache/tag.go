package cache

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// tagName is the cache directory tag at the cache's root
// (https://bford.info/cachedir/): it marks the directory as oneway's,
// and backup tools that honour the convention skip the directory.
const tagName = "CACHEDIR.TAG"

// tagSignature starts every cache directory tag.
const tagSignature = "Signature: 8a477f597d28d172789f06886806bc55\n"

// tagOwner, in a tag, says oneway wrote it.
const tagOwner = "created by oneway"

// tagContent is the tag oneway writes.
const tagContent = tagSignature +
	"# This file is a cache directory tag " + tagOwner + " (github.com/oneway-lint/oneway):\n" +
	"# this directory is oneway's cache; oneway removes only the entries it wrote in it.\n" +
	"# For information about cache directory tags, see https://bford.info/cachedir/\n"

// tagTmpPrefix starts the names of tags being written (see writeTag).
const tagTmpPrefix = tmpPrefix + tagName + "-"

// ErrNotCache is wrapped by the error of Open for a directory that holds
// files that are not oneway's cache.
var ErrNotCache = errors.New("holds files that are not oneway's cache")

// claim makes sure dir is oneway's cache: tagged as such, or else empty
// or a cache written by an earlier oneway, which it tags.
func claim(dir string) error {
	switch ours, err := tagged(dir); {
	case err != nil:
		return err
	case ours:
		return nil
	}
	foreign, err := firstForeign(dir)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if foreign != "" {
		if ours, _ := tagged(dir); ours {
			return nil // another process tagged it meanwhile
		}
		return notCache(dir, "such as "+foreign)
	}
	if err := writeTag(dir); err != nil {
		if ours, _ := tagged(dir); ours {
			return nil // another process tagged it meanwhile
		}
		return fmt.Errorf("cache: marking %s as oneway's: %w", dir, err)
	}
	return nil
}

// tagged reports whether dir has oneway's tag. A tag that is not
// oneway's (another program's cache) is an error wrapping ErrNotCache.
func tagged(dir string) (bool, error) {
	p := filepath.Join(dir, tagName)
	fi, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("cache: %w", err)
	case !fi.Mode().IsRegular():
		return false, notCache(dir, "such as "+tagName+", not a regular file")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return false, fmt.Errorf("cache: %w", err)
	}
	if !bytes.HasPrefix(b, []byte(tagSignature)) || !bytes.Contains(b, []byte(tagOwner)) {
		return false, notCache(dir, "its "+tagName+" is another program's")
	}
	return true, nil
}

func notCache(dir, detail string) error {
	return fmt.Errorf("cache: %s %w (%s); unset ONEWAY_CACHE or point it at an empty or new directory", dir, ErrNotCache, detail)
}

// firstForeign returns the first file or directory in dir (relative to
// it) that oneway does not write, "" if there is none: dir is empty, or
// a cache of an earlier oneway. Only these are oneway's: the trim marker
// and tags being written at the root, and directories of the known
// kinds holding directories named by two hex digits, which hold entries
// and temporary files (see ownFile) — regular files and directories
// each, no symbolic link.
func firstForeign(dir string) (string, error) {
	top, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range top {
		name := e.Name()
		switch {
		case name == trimmedName && e.Type().IsRegular(),
			strings.HasPrefix(name, tagTmpPrefix) && e.Type().IsRegular():
			continue
		case !knownKind(name) || !e.Type().IsDir():
			return name, nil
		}
		subs, err := os.ReadDir(filepath.Join(dir, name))
		if err != nil {
			return "", err
		}
		for _, s := range subs {
			if !s.Type().IsDir() || !isHex(s.Name(), 2) {
				return filepath.Join(name, s.Name()), nil
			}
			files, err := os.ReadDir(filepath.Join(dir, name, s.Name()))
			if err != nil {
				return "", err
			}
			for _, f := range files {
				if !f.Type().IsRegular() || !ownFile(f.Name(), s.Name()) {
					return filepath.Join(name, s.Name(), f.Name()), nil
				}
			}
		}
	}
	return "", nil
}

// ownFile reports whether name, in the directory of a kind named by the
// two hex digits prefix, is one that Put writes: an entry (the 64 hex
// digits of its key, starting with prefix) or a temporary file.
func ownFile(name, prefix string) bool {
	return len(name) == 2*len(Key{}) && isHex(name, len(name)) && name[:2] == prefix ||
		strings.HasPrefix(name, tmpPrefix)
}

// isHex reports whether s is n lower-case hex digits.
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// writeTag writes oneway's tag in dir. It is written whole to a
// temporary file and renamed into place, so that a concurrent Open sees
// a whole tag or none (and takes the temporary file for oneway's).
func writeTag(dir string) error {
	f, err := os.CreateTemp(dir, tagTmpPrefix+"*")
	if err != nil {
		return err
	}
	_, werr := f.WriteString(tagContent)
	err = errors.Join(werr, f.Chmod(0o644), f.Close())
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, tagName))
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
	return err
}
