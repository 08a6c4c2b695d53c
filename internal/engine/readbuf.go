package engine

import (
	"errors"
	"io"
	"os"
	"sync"
)

// sourceBuffers lends the buffers source files are read into to be
// parsed or searched, and takes them back once that is done: the parser
// copies what it keeps of a file (names, literals, comments), so the
// next file can be read into the same bytes. A first audit reads every
// file of the dependencies computed from source, and of the matched
// packages, once to search it and once to parse it (gitness: 150 MB);
// allocated each time, those bytes were garbage the collector had to
// make room for, most of it while Early works under its memory bound.
var sourceBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledSource is the largest buffer sourceBuffers takes back: a
// file of megabytes (swaggo/files' literals) would otherwise keep its
// buffer alive for the small files read after it, up to one a core.
const maxPooledSource = 1 << 20

// readSource reads the file name into a buffer of sourceBuffers, as
// os.ReadFile reads it. release gives the buffer back: data must not be
// used after it, nor anything aliasing it.
func readSource(name string) (data []byte, release func(), err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, func() {}, err
	}
	defer func() { _ = f.Close() }()
	buf := sourceBuffers.Get().(*[]byte)
	release = func() {
		if cap(*buf) <= maxPooledSource {
			sourceBuffers.Put(buf)
		}
	}
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Size() < 1<<40 {
		size = int(fi.Size()) + 1 // one more: EOF is then read without growing
	}
	b := (*buf)[:0]
	if cap(b) < size {
		b = make([]byte, 0, size)
	}
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			*buf = b
			if errors.Is(err, io.EOF) {
				return b, release, nil
			}
			return nil, release, err
		}
		if len(b) == cap(b) { // the file grew
			b = append(b, 0)[:len(b)]
		}
	}
}
