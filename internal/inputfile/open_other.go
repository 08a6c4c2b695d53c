//go:build !unix

package inputfile

// openFlag is 0 where there are no named pipes to open without blocking.
const openFlag = 0
