package engine

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"maps"
	"os"
	"slices"
	"sort"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/internal/cache"
)

// What a load keeps for the next (LoadOptions): the export data files
// the go command gave for a set of dependencies, an entry of the cache's
// exports kind keyed by the settings, the build flags and each
// dependency's ID, source (hashFiles: a module version or a released
// Go's version, else the files' contents), Go version and directory. The go command
// names export data files by their content, so a file still there is the
// one it would give again.

// exportStoreVersion changes when the entries' encoding or keys change.
const exportStoreVersion = 3

// exportStore reads and writes the entries; without a cache or settings
// it does nothing.
type exportStore struct {
	c        *cache.Cache
	settings []byte // the settings and the build flags
	goroots  goroots
}

func newExportStore(o LoadOptions, cfg *packages.Config) *exportStore {
	if o.Cache == nil || o.Settings == nil {
		return &exportStore{}
	}
	s := sha256.New()
	fmt.Fprintf(s, "oneway exports %d\x00", exportStoreVersion)
	s.Write(o.Settings)
	writeStrings(s, cfg.BuildFlags)
	writeStrings(s, cfg.Env)
	return &exportStore{c: o.Cache, settings: s.Sum(nil)}
}

func writeStrings(h hash.Hash, list []string) {
	fmt.Fprintf(h, "%d\x00", len(list))
	for _, v := range list {
		fmt.Fprintf(h, "%q\x00", v)
	}
}

// key returns the key of the dependencies' export data files, or
// false when a dependency's files cannot be read (or there is no cache).
func (st *exportStore) key(ld *loader) (cache.Key, bool) {
	var k cache.Key
	if st.c == nil {
		return k, false
	}
	var deps []*loadPackage
	for _, lp := range ld.order {
		if !lp.initial && lp.PkgPath != "unsafe" {
			deps = append(deps, lp)
		}
	}
	sums := make([][sha256.Size]byte, len(deps))
	oks := make([]bool, len(deps))
	g := Parallel()
	for i, lp := range deps {
		g.Go(func() error {
			sums[i], oks[i] = hashFiles(lp.Package, &st.goroots)
			return nil
		})
	}
	_ = g.Wait()
	var ids []string
	identity := map[string]string{}
	for i, lp := range deps {
		if !oks[i] {
			return k, false
		}
		goVersion := ""
		if lp.Module != nil {
			goVersion = lp.Module.GoVersion
		}
		ids = append(ids, lp.ID)
		// The directory: export data records where the declarations are.
		identity[lp.ID] = fmt.Sprintf("%x go %q dir %q", sums[i], goVersion, lp.Dir)
	}
	sort.Strings(ids)
	s := sha256.New()
	s.Write(st.settings)
	for _, id := range ids {
		fmt.Fprintf(s, "%q %q\x00", id, identity[id])
	}
	s.Sum(k[:0])
	return k, true
}

// usedAfter is how old a reused export data file's modification time
// may get before get marks it used, as the go command marks the files of
// its cache that it uses (at most hourly): its trimming removes files
// unused for days, and must not remove those oneway keeps reusing.
const usedAfter = time.Hour

// storedExports is an entry: the export data files by package ID, and
// the compiled files and imports of the packages using cgo.
type storedExports struct {
	Files map[string]string
	Cgo   map[string]cgoFiles `json:",omitempty"`
}

// get returns the export data files stored under k, by package ID, and
// the compiled files of those using cgo, if every file is still there,
// and marks them used.
func (st *exportStore) get(k cache.Key) (exportResult, bool) {
	data, ok := st.c.Get(cache.KindExports, k)
	if !ok {
		return exportResult{}, false
	}
	var e storedExports
	if json.Unmarshal(data, &e) != nil {
		return exportResult{}, false
	}
	files := slices.Collect(maps.Values(e.Files))
	for _, c := range e.Cgo {
		files = append(files, c.CompiledGoFiles...)
	}
	now := time.Now()
	for _, file := range files {
		fi, err := os.Stat(file)
		if err != nil {
			return exportResult{}, false // the go command's cache let it go
		}
		if now.Sub(fi.ModTime()) > usedAfter {
			_ = os.Chtimes(file, now, now) // a failure only shortens the file's life
		}
	}
	return exportResult{files: e.Files, cgo: e.Cgo}, true
}

// put stores res's files under k.
func (st *exportStore) put(k cache.Key, res exportResult) {
	data, err := json.Marshal(storedExports{Files: res.files, Cgo: res.cgo})
	if err != nil {
		return
	}
	_ = st.c.Put(cache.KindExports, k, data) // a failure costs the next load time only
}
