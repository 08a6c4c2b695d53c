//go:build unix

package inputfile

import "syscall"

// openFlag opens without blocking: a named pipe opens at once instead of
// waiting for a writer. Reads of a regular file are unaffected.
const openFlag = syscall.O_NONBLOCK
