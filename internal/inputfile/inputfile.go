// Package inputfile reads the files a user names as input to oneway: a
// policy, a baseline, the JSON reports oneway diff compares. Each is
// read whole into memory and parsed, so Read refuses what would make
// that unsafe: a file that is not a regular file (a directory, a named
// pipe that would block the read forever, a device such as /dev/zero
// that never ends), followed through symbolic links, is refused before
// it is opened; a regular file larger than the caller's limit is refused
// after at most limit+1 bytes have been read.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MB is a megabyte, the unit of the limits.
const MB = 1 << 20

// The limits on each kind of input. They are far above any real file
// and far below what would trouble a CI runner.
const (
	// PolicyLimit caps a policy file: YAML written by hand, a few
	// kilobytes even for a large code base. A parsed YAML document takes
	// many times its size in memory, so the cap stays small.
	PolicyLimit = 4 * MB
	// BaselineLimit caps a -baseline file: one short JSON record per
	// decision (about 200 bytes), so 64 MB holds hundreds of thousands
	// of decisions, more than any audit has.
	BaselineLimit = 64 * MB
	// ReportLimit caps each JSON report oneway diff reads: a full audit,
	// with every finding's message, position, call chain and evidence,
	// the tables and the component graph, is several times the size of
	// the baseline of the same code. Decoded, it takes a few times its
	// size again, which at 256 MB still fits a CI runner.
	ReportLimit = 256 * MB
)

// ErrNotRegular and ErrTooLarge are the errors an *Error wraps, for
// errors.Is.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// An Error is the error Read returns for a file it refuses.
type Error struct {
	Name   string // the file, as given to Read
	Reason string // what is wrong, e.g. "not a regular file (a named pipe)" or "larger than 4 MB"
	Err    error  // ErrNotRegular or ErrTooLarge
}

func (e *Error) Error() string { return e.Name + " is " + e.Reason }

// Unwrap returns ErrNotRegular or ErrTooLarge.
func (e *Error) Unwrap() error { return e.Err }

// Read returns the content of the file name, following symbolic links.
// It returns an *Error if the file is not a regular file, checked
// before the file is opened, or if it holds more than limit bytes.
// Other errors are those of package os, an *fs.PathError.
func Read(name string, limit int64) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := check(name, fi, limit); err != nil {
		return nil, err
	}
	// openFlag makes opening a named pipe put in place of the file since
	// the Stat return at once rather than wait for a writer; the check
	// of the open file then refuses it.
	f, err := os.OpenFile(name, os.O_RDONLY|openFlag, 0)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := check(name, fi, limit); err != nil {
		return nil, err
	}
	// The size is only a hint: the file may grow, and some (in /proc)
	// report 0. Read one byte more than allowed to know.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(name, limit)
	}
	return data, nil
}

// check refuses a file that is not regular or whose size is over limit.
func check(name string, fi fs.FileInfo, limit int64) error {
	if !fi.Mode().IsRegular() {
		return &Error{Name: name, Reason: "not a regular file (" + kind(fi.Mode()) + ")", Err: ErrNotRegular}
	}
	if fi.Size() > limit {
		return tooLarge(name, limit)
	}
	return nil
}

func tooLarge(name string, limit int64) error {
	size := fmt.Sprintf("%d bytes", limit)
	if limit > 0 && limit%MB == 0 {
		size = fmt.Sprintf("%d MB", limit/MB)
	}
	return &Error{Name: name, Reason: "larger than " + size, Err: ErrTooLarge}
}

// kind names the type of a file that is not regular.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	default:
		return "of type " + m.Type().String()
	}
}
