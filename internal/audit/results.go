package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/oneway-lint/oneway/internal/cache"
	"github.com/oneway-lint/oneway/internal/gitrev"
	"github.com/oneway-lint/oneway/internal/report"
)

// The results cache: a re-audit of unchanged code returns the report of
// the last audit without loading anything.
//
// The key is made of everything the report depends on, read without the
// go command's package loading (which alone costs more than the budget of
// a re-audit): oneway's executable, its options and policy, the go
// command's settings (go env), the git tags of the main modules, and the
// contents of every file of the main modules (and of directories that
// replace directives point to) that the build could read. Dependencies
// outside them are fixed by go.mod and go.sum, the standard library by
// the Go version. Files are over-approximated (a test file or an ignored
// directory changes the key too): a change can cause a needless miss,
// never a wrong hit. Reports with package problems are not stored: a
// missing module or a network failure may be gone on the next run
// without any file changing.

// resultsKind names the cache's entries of whole reports.
const resultsKind = "results"

// resultsVersion changes when the key or the encoding changes.
const resultsVersion = 1

// goEnvVars are the go command's settings the key includes.
var goEnvVars = []string{
	"GOVERSION", "GOROOT", "GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT", "GOMOD", "GOWORK",
	"GO111MODULE", "GOPATH", "GOMODCACHE", "GOTOOLCHAIN", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOMIPS",
	"GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM", "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS",
}

// buildFile reports whether the go command may read a file of this name
// when it builds (or lists) a package.
func buildFile(name string) bool {
	switch name {
	case "go.mod", "go.sum", "go.work", "go.work.sum", "modules.txt":
		return true
	}
	switch filepath.Ext(name) {
	case ".go", ".s", ".S", ".sx", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx",
		".m", ".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx":
		return true
	}
	return false
}

// resultsKey returns the key of the report of an audit with options o,
// and the hash of the files alone (which a run may change) with the
// directories it covers, or false when the audit's inputs cannot be read
// without loading (no module, an overlay or another go.mod named in
// GOFLAGS).
func resultsKey(ctx context.Context, o Options, patterns []string) (k cache.Key, files cache.Key, dirs []string, ok bool) {
	exe := executableKey()
	if exe == nil || o.Policy == nil {
		return k, files, nil, false
	}
	env, err := goEnv(ctx, o)
	if err != nil {
		return k, files, nil, false
	}
	gomod := env["GOMOD"]
	if gomod == "" || gomod == os.DevNull || strings.Contains(env["GOFLAGS"], "-modfile") || strings.Contains(env["GOFLAGS"], "-overlay") {
		return k, files, nil, false
	}
	mains, others, ok := moduleDirs(gomod, env["GOWORK"])
	if !ok {
		return k, files, nil, false
	}
	h := sha256.New()
	fmt.Fprintf(h, "oneway results %d\x00", resultsVersion)
	h.Write(exe)
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return k, files, nil, false
	}
	fmt.Fprintf(h, "version %q dir %q patterns %q policy file %q hash %q\x00", o.Version, dir, patterns, o.PolicyFile, o.Policy.Hash)
	pol, err := json.Marshal(o.Policy) // the effective settings, overrides included
	if err != nil {
		return k, files, nil, false
	}
	h.Write(pol)
	for _, v := range goEnvVars {
		fmt.Fprintf(h, "%s=%q\x00", v, env[v])
	}
	for _, d := range mains {
		tags, ok := gitrev.Tags(ctx, d)
		fmt.Fprintf(h, "tags %q %v %q\x00", d, ok, tags)
	}
	dirs = append(slices.Clone(mains), others...)
	if files, ok = hashTrees(dirs); !ok {
		return k, files, nil, false
	}
	h.Write(files[:])
	copy(k[:], h.Sum(nil))
	return k, files, dirs, true
}

// hashTrees hashes the build files below each of dirs.
func hashTrees(dirs []string) (cache.Key, bool) {
	var k cache.Key
	h := sha256.New()
	for _, d := range dirs {
		if err := hashTree(h, d); err != nil {
			return k, false
		}
	}
	copy(k[:], h.Sum(nil))
	return k, true
}

// goEnv returns the go command's settings in the audit's directory and
// environment.
func goEnv(ctx context.Context, o Options) (map[string]string, error) {
	cmd := exec.CommandContext(ctx, "go", append([]string{"env", "-json"}, goEnvVars...)...)
	cmd.Dir = o.Dir
	if o.Env != nil {
		cmd.Env = o.Env
	}
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	env := map[string]string{}
	if err := json.Unmarshal(out, &env); err != nil {
		return nil, err
	}
	return env, nil
}

// moduleDirs returns the directories of the main modules (of go.work, or
// the one of go.mod) and those their replace directives point to.
func moduleDirs(gomod, gowork string) (mains, others []string, ok bool) {
	if gowork != "" && gowork != "off" {
		data, err := os.ReadFile(gowork)
		if err != nil {
			return nil, nil, false
		}
		wf, err := modfile.ParseWork(gowork, data, nil)
		if err != nil {
			return nil, nil, false
		}
		for _, u := range wf.Use {
			mains = append(mains, absFrom(filepath.Dir(gowork), u.Path))
		}
		others = append(others, replacedDirs(filepath.Dir(gowork), wf.Replace)...)
	} else {
		mains = []string{filepath.Dir(gomod)}
	}
	for _, m := range mains {
		name := filepath.Join(m, "go.mod")
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, false
		}
		mf, err := modfile.ParseLax(name, data, nil)
		if err != nil {
			return nil, nil, false
		}
		others = append(others, replacedDirs(m, mf.Replace)...)
	}
	sort.Strings(mains)
	sort.Strings(others)
	return slices.Compact(mains), slices.Compact(others), true
}

// replacedDirs returns the directories that replace directives of a
// file in dir point to.
func replacedDirs(dir string, rs []*modfile.Replace) []string {
	var out []string
	for _, r := range rs {
		if modfile.IsDirectoryPath(r.New.Path) {
			out = append(out, absFrom(dir, r.New.Path))
		}
	}
	return out
}

func absFrom(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

// hashTree hashes the names and contents of the build files below root,
// leaving out directories the go command never reads packages from (named
// .something) and nested modules (which only a replace directive or a
// workspace brings in, and then they are hashed on their own).
func hashTree(h io.Writer, root string) error {
	fmt.Fprintf(h, "tree %q\x00", root)
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p == root {
				return nil
			}
			if strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !buildFile(name) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			if d.Type()&fs.ModeSymlink != 0 {
				return nil // a dangling link is no file
			}
			return err
		}
		rel, _ := filepath.Rel(root, p)
		sum := sha256.Sum256(data)
		fmt.Fprintf(h, "%q %x\x00", filepath.ToSlash(rel), sum)
		return nil
	})
}

// cacheable reports whether a report may be stored: it has no package
// problems (which may come from the environment: a module that could not
// be downloaded).
func cacheable(r *report.Report) bool {
	for _, p := range r.Problems {
		if p.Kind == report.PackageProblem {
			return false
		}
	}
	return true
}

// encodeReport writes a report losslessly: the renderers tell nil from
// empty lists and print invalid UTF-8 as escapes, which JSON and gob
// would not keep.
func encodeReport(r *report.Report) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeValue(&buf, reflect.ValueOf(r).Elem()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeReport(data []byte) (*report.Report, error) {
	r := new(report.Report)
	rd := bytes.NewReader(data)
	if err := decodeValue(rd, reflect.ValueOf(r).Elem()); err != nil {
		return nil, err
	}
	if rd.Len() != 0 {
		return nil, errors.New("trailing data")
	}
	return r, nil
}

func encodeValue(w *bytes.Buffer, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				return fmt.Errorf("cannot encode unexported field %s.%s", t, t.Field(i).Name)
			}
			if err := encodeValue(w, v.Field(i)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			w.Write(binary.AppendUvarint(nil, 0))
			return nil
		}
		w.Write(binary.AppendUvarint(nil, uint64(v.Len())+1))
		for i := range v.Len() {
			if err := encodeValue(w, v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			w.WriteByte(0)
			return nil
		}
		w.WriteByte(1)
		return encodeValue(w, v.Elem())
	case reflect.String:
		w.Write(binary.AppendUvarint(nil, uint64(v.Len())))
		w.WriteString(v.String())
	case reflect.Bool:
		b := byte(0)
		if v.Bool() {
			b = 1
		}
		w.WriteByte(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.Write(binary.AppendVarint(nil, v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.Write(binary.AppendUvarint(nil, v.Uint()))
	case reflect.Float32, reflect.Float64:
		w.Write(binary.LittleEndian.AppendUint64(nil, math.Float64bits(v.Float())))
	default:
		return fmt.Errorf("cannot encode %s", v.Type())
	}
	return nil
}

func decodeValue(r *bytes.Reader, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if err := decodeValue(r, v.Field(i)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		if n-1 > uint64(r.Len()) {
			return errors.New("bad length")
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := range int(n - 1) {
			if err := decodeValue(r, s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Pointer:
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		if b == 0 {
			return nil
		}
		p := reflect.New(v.Type().Elem())
		if err := decodeValue(r, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
	case reflect.String:
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		if n > uint64(r.Len()) {
			return errors.New("bad length")
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return err
		}
		v.SetString(string(b))
	case reflect.Bool:
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		v.SetBool(b == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := binary.ReadVarint(r)
		if err != nil {
			return err
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return err
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(b[:])))
	default:
		return fmt.Errorf("cannot decode %s", v.Type())
	}
	return nil
}
