package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want files of the CLI scripts with the output they get")

// TestScripts runs the txtar scripts in testdata/script. Each archive
// holds a small code base (a go.mod, sources, a policy) and, in its
// comment, a script of commands run in-process in a copy of it:
//
//	oneway ARGS...        run the oneway command; record stdout, stderr, exit code
//	exit N                the last command exited with N
//	cmp stdout|stderr F   the last output equals the archive file F exactly
//	stdout|stderr RE      the last output matches the regular expression RE
//	! stdout|stderr RE    the last output does not match RE
//	exists F / ! exists F the file exists in the work dir, or not
//	cmpfile F G           work-dir file F equals archive file G
//	cd DIR                later commands run in DIR, relative to the work dir
//	env K=V               set a variable for later commands ($WORK in V is the work dir)
//	cp FROM TO            copy a work-dir file (e.g. edit/x.go.txt) over another
//	git ARGS...           run git in the current directory, with a fixed identity;
//	                      its output counts as stdout
//	symlink TARGET LINK   make LINK (in the work dir) a symbolic link to TARGET, as
//	                      written; the script is skipped where links cannot be made
//	                      or an absolute TARGET (/dev/zero) does not exist
//	mkfifo F              make F (in the work dir) a named pipe; the script is skipped
//	                      where there are none. Until the script ends, a watchdog
//	                      gives a oneway blocked opening it an empty file: the script
//	                      fails on what oneway prints instead of hanging
//
// With -update, "cmp" and "cmpfile" rewrite the archive's file instead
// of failing.
func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no scripts in testdata/script")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runScript(t, file)
		})
	}
}

type scriptState struct {
	t        *testing.T
	archive  *txtar.Archive
	file     string
	work     string
	dir      string
	env      map[string]string
	stdout   string
	stderr   string
	code     int
	ran      bool
	modified bool
}

func runScript(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue // expectations, not part of the code base
		}
		p := filepath.Join(work, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cacheDir := sharedCache()
	if strings.HasPrefix(filepath.Base(file), "cache_") {
		cacheDir = filepath.Join(t.TempDir(), "cache") // the cache's own tests start empty
	}
	s := &scriptState{t: t, archive: ar, file: file, work: work, dir: work, env: map[string]string{"ONEWAY_CACHE": cacheDir}}
	for i, line := range strings.Split(string(ar.Comment), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s.exec(fmt.Sprintf("%s:%d", filepath.Base(file), i+1), line)
	}
	if s.modified {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func (s *scriptState) exec(where, line string) {
	t := s.t
	t.Helper()
	neg := false
	if rest, ok := strings.CutPrefix(line, "! "); ok {
		neg, line = true, rest
	}
	args := splitArgs(line)
	cmd, args := args[0], args[1:]
	fail := func(format string, a ...any) {
		t.Helper()
		t.Fatalf("%s: %s: %s", where, line, fmt.Sprintf(format, a...))
	}
	switch cmd {
	case "oneway":
		var out, errb bytes.Buffer
		s.code = Main(context.Background(), args, Env{
			Stdout:     &out,
			Stderr:     &errb,
			Dir:        s.dir,
			Getenv:     func(k string) string { return s.env[k] },
			Executable: executable,
		})
		s.stdout, s.stderr = strings.ReplaceAll(out.String(), s.work, "$WORK"), strings.ReplaceAll(errb.String(), s.work, "$WORK")
		s.ran = true
	case "exit":
		want, err := strconv.Atoi(args[0])
		if err != nil {
			fail("bad exit code")
		}
		if s.code != want {
			fail("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", s.code, want, s.stdout, s.stderr)
		}
	case "stdout", "stderr":
		re, err := regexp.Compile(`(?m)` + args[0])
		if err != nil {
			fail("%v", err)
		}
		got := s.output(cmd)
		if re.MatchString(got) == neg {
			fail("%s does not match as it should:\n%s", cmd, got)
		}
	case "cmp":
		s.compare(where, line, s.output(args[0]), args[1])
	case "cmpfile":
		data, err := os.ReadFile(filepath.Join(s.work, args[0]))
		if err != nil {
			fail("%v", err)
		}
		s.compare(where, line, string(data), args[1])
	case "exists":
		_, err := os.Stat(filepath.Join(s.work, args[0]))
		if (err == nil) == neg {
			fail("exists: %v", err)
		}
	case "cd":
		s.dir = filepath.Join(s.work, args[0])
	case "env":
		for _, a := range args {
			k, v, _ := strings.Cut(a, "=")
			s.env[k] = strings.ReplaceAll(v, "$WORK", s.work)
		}
	case "cp":
		data, err := os.ReadFile(filepath.Join(s.work, args[0]))
		if err != nil {
			fail("%v", err)
		}
		if err := os.WriteFile(filepath.Join(s.work, args[1]), data, 0o644); err != nil {
			fail("%v", err)
		}
	case "git":
		cmd := exec.Command("git", args...)
		cmd.Dir = s.dir
		cmd.Env = append(os.Environ(),
			"GIT_AUTHOR_NAME=oneway", "GIT_AUTHOR_EMAIL=oneway@example.com",
			"GIT_COMMITTER_NAME=oneway", "GIT_COMMITTER_EMAIL=oneway@example.com",
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		for k, v := range s.env { // env GIT_COMMITTER_DATE=… dates the commits
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			fail("%v\n%s", err, out)
		}
		s.stdout, s.stderr, s.code, s.ran = string(out), "", 0, true
	case "symlink":
		if filepath.IsAbs(args[0]) {
			if _, err := os.Stat(args[0]); err != nil {
				t.Skipf("%s: %s: %v", where, line, err)
			}
		}
		if err := os.Symlink(args[0], filepath.Join(s.work, args[1])); err != nil {
			t.Skipf("%s: %s: %v", where, line, err)
		}
	case "mkfifo":
		if err := s.mkfifo(filepath.Join(s.work, args[0])); err != nil {
			fail("%v", err)
		}
	default:
		fail("unknown command %q", cmd)
	}
}

func (s *scriptState) output(which string) string {
	if !s.ran {
		s.t.Fatalf("%s: no command has run", which)
	}
	if which == "stderr" {
		return s.stderr
	}
	return s.stdout
}

func (s *scriptState) compare(where, line, got, name string) {
	t := s.t
	t.Helper()
	for i := range s.archive.Files {
		f := &s.archive.Files[i]
		if f.Name != name {
			continue
		}
		if *update {
			if string(f.Data) != got {
				f.Data = []byte(got)
				s.modified = true
			}
			return
		}
		if string(f.Data) != got {
			t.Fatalf("%s: %s: output differs from %s (run with -update to accept):\n%s", where, line, name, lineDiff(string(f.Data), got))
		}
		return
	}
	if *update {
		s.archive.Files = append(s.archive.Files, txtar.File{Name: name, Data: []byte(got)})
		s.modified = true
		return
	}
	t.Fatalf("%s: %s: no file %s in the archive", where, line, name)
}

// splitArgs splits a script line into words; single quotes group words.
func splitArgs(line string) []string {
	var args []string
	var cur strings.Builder
	quoted, in := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			quoted = !quoted
			in = true
		case r == ' ' && !quoted:
			if in {
				args = append(args, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		args = append(args, cur.String())
	}
	return args
}

// lineDiff shows the lines that differ, marked - (want) and + (got).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			if i < len(w) {
				fmt.Fprintf(&b, "-%4d %s\n", i+1, wl)
			}
			if i < len(g) {
				fmt.Fprintf(&b, "+%4d %s\n", i+1, gl)
			}
		}
	}
	return b.String()
}
