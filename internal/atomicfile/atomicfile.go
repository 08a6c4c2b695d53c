// Package atomicfile writes files so that a reader (or a crash) never
// sees half of one: the data goes to a temporary file in the same
// directory, which is then renamed over the target. Only regular files
// are replaced so: a device, a named pipe or a socket is written to in
// place, never renamed over.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by Create when the target exists.
var ErrExists = errors.New("file exists")

// Write replaces name with data atomically. On any error the previous
// content of name, if any, is left untouched and no temporary file stays
// behind. A new file gets perm; an existing one keeps its permissions.
// When name is not a regular file (/dev/stdout, /dev/null, a named
// pipe), data is written to it as it is, without a temporary file.
func Write(name string, data []byte, perm fs.FileMode) (err error) {
	// A symbolic link stays a link: the file it points to is replaced.
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target
	}
	if fi, err := os.Stat(name); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("%s is a directory", name)
		case !fi.Mode().IsRegular():
			return writeInPlace(name, data)
		}
		perm = fi.Mode().Perm()
	}
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Name the file asked for, not the temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return &fs.PathError{Op: "create", Path: name, Err: pe.Err}
		}
		return err
	}
	defer func() {
		if err != nil {
			// The write already failed; what matters is that no temporary
			// file stays behind.
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// Create writes a new file atomically and fails with ErrExists, without
// touching it, when name already exists. (A file created by someone else
// between the check and the rename is replaced: the rename is atomic, the
// check is not.)
func Create(name string, data []byte, perm fs.FileMode) error {
	if _, err := os.Lstat(name); err == nil {
		return fmt.Errorf("%s: %w", name, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return Write(name, data, perm)
}

// writeInPlace writes data to a file that is not a regular one.
func writeInPlace(name string, data []byte) error {
	return writeOpen(name, os.O_WRONLY, 0, data)
}

// Append appends data to name, creating it with perm if needed. It is not
// atomic: a file that others append to (a CI step summary) is never
// replaced.
func Append(name string, data []byte, perm fs.FileMode) error {
	return writeOpen(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, perm, data)
}

func writeOpen(name string, flag int, perm fs.FileMode, data []byte) error {
	f, err := os.OpenFile(name, flag, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
