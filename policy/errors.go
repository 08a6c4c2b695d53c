package policy

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/oneway-lint/oneway/analyzers/component"
)

// Error is one problem with a policy, at the place in the file that
// causes it.
type Error struct {
	File      string // the policy's file name, as given to Parse or Load
	Line, Col int    // 1-based; 0 when the problem has no place in a file (a Policy built in code)
	Msg       string
}

// Error formats e as "file:line:col: msg", the form editors and CI
// annotations understand. A problem with no place in a file (Line 0)
// is formatted as "file: msg".
func (e Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Errors is every problem found in a policy, sorted by position.
// Parse, Load and Validate return it as their error.
type Errors []Error

// Error lists the problems one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems as errors, so that errors.As finds an Error.
func (es Errors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

// err sorts es by file, line and column (problems at the same place keep
// the order they were found in) and returns it as an error, or nil if
// there are none.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return es
}

// position is a place in a policy file.
type position struct{ line, col int }

// problem is a semantic problem found by Validate: a message and the
// path of the setting at fault ("components[2].name"), which locates it.
type problem struct {
	at  string // the setting's path, for its position
	msg string // the whole message, usually starting with the path
}

// problems collects problems.
type problems []problem

// add records a problem with the setting at path, in a message that
// starts with the path.
func (ps *problems) add(path, format string, args ...any) {
	*ps = append(*ps, problem{at: path, msg: label(path, fmt.Sprintf(format, args...))})
}

// label prefixes msg with the path of the setting it is about. The path
// holds the names written in the file (rule ids, components): one too
// long to show whole is quoted and cut, like a value.
func label(path, msg string) string {
	if path == "" {
		return msg
	}
	if _, whole := clip(path); !whole {
		path = quote(path)
	}
	return path + ": " + msg
}

// maxEcho is how many characters of a value from the policy file a
// message shows.
const maxEcho = 80

// quote returns s quoted, as %q formats it, for a message that echoes a
// value from the policy file, which may be of any size. A value whose
// quoted form takes more than maxEcho characters is cut, never inside a
// character, and followed by an ellipsis and its whole length:
// "aaaa…" (52428800 bytes). Every message that quotes such a value
// quotes it with quote.
func quote(s string) string {
	head, whole := clip(s)
	if whole {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%s (%d bytes)", strconv.Quote(head+"…"), len(s))
}

// clip returns the longest prefix of s whose quoted form takes at most
// maxEcho characters between its quotes (an escape such as \n counts as
// the characters it takes), and whether that prefix is all of s. It
// looks at no more than maxEcho+1 characters of s.
func clip(s string) (head string, whole bool) {
	width := 0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		width += utf8.RuneCountInString(strconv.Quote(s[i:i+size])) - 2
		if width > maxEcho {
			return s[:i], false
		}
		i += size
	}
	return s, true
}

// globProblem is the message for a glob component.CompileGlob rejects,
// with the pattern quoted by quote.
func globProblem(err error) string {
	if pe, ok := errors.AsType[*component.PatternError](err); ok {
		return pe.Message(quote)
	}
	return err.Error()
}

// Suggest returns ` (did you mean "x"?)` for the candidate closest to
// got by edit distance, when one is close enough to be a likely typo,
// and "" otherwise: for policy keys, and the CLI's commands and rule ids.
func Suggest(got string, candidates []string) string {
	const longest = 100 // names longer than this are not typos of a key
	if len(got) > longest {
		return ""
	}
	limit := min(max(2, len(got)/5), len(got)-1)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if abs(len(c)-len(got)) > limit {
			continue // the distance is at least the difference in length
		}
		if d := editDistance(got, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", quote(best))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// quoteList formats names as a comma-separated list, for messages.
func quoteList(names []string) string { return strings.Join(names, ", ") }
