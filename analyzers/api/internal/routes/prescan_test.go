package routes

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/internal/fixturetest"
)

// TestMayHaveFacts runs the analyzer on every package of the routes
// fixtures and their dependencies (each framework's stand-in included)
// and checks FactPossible against what it exports: wherever a fact is
// exported, FactPossible said one could be. A new way for the analyzer
// to make a fact, with its fixture, fails here until mayHaveFacts knows
// it. And a service's client, which imports net/http and encoding/json
// to send requests, can have none.
func TestMayHaveFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the fixtures and net/http from source")
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	facts := fixturetest.Facts(t, dir, Analyzer, "nethttp/...", "frameworks/...", "late/...", "google.golang.org/protobuf/encoding/protojson")
	possible, parsed, exported := map[string]bool{}, map[string]bool{}, map[string]int{}
	for path, p := range facts {
		possible[path], parsed[path], exported[path] = p.Typed, p.Parsed, p.Exported
	}
	withFacts := 0
	for path, may := range possible {
		if may && !parsed[path] && frameworkOf(path) == "" {
			t.Errorf("%s: FactPossible said it may have a fact, FactPossibleParsed that it has none", path)
		}
	}
	for path, n := range exported {
		if n > 0 {
			withFacts++
			if !possible[path] {
				t.Errorf("%s: %d functions with a fact, but FactPossible said it has none", path, n)
			}
		}
	}
	if withFacts < 10 {
		t.Errorf("%d fixture packages with facts: the check proves little", withFacts)
	}
	for path, want := range map[string]bool{
		"nethttp/sdkclient":          false, // requests sent, responses read
		"nethttp/sdkparsed":          false, // the same, known before type-checking
		"nethttp/signer":             false, // a request's method and URL read, its path not
		"nethttp/templatebuf":        false, // templates executed into buffers
		"nethttp/marshalclient":      false, // a request's body marshalled, logs written apart
		"nethttp/clientheader/hooks": false, // a Content-Type set on a header a helper gave
		"nethttp/encodevar/apierr":   false, // JSON encoded into a buffer through an encoder variable
		"nethttp/lib":                true,  // a handler and a page
		"net/http":                   false, // modelled, never analysed
	} {
		if got, ok := possible[path]; !ok || got != want {
			t.Errorf("FactPossible(%s) = %v (analysed: %v), want %v", path, got, ok, want)
		}
	}
	// Before type-checking, a body decoded or an encoder's Encode cannot
	// be told a request's from a response's: the client of sdkclient
	// stays possible; sdkparsed's does not.
	for path, want := range map[string]bool{
		"nethttp/sdkclient":          true,
		"nethttp/sdkparsed":          false,
		"nethttp/signer":             false,
		"nethttp/templatebuf":        false,
		"nethttp/marshalclient":      false,
		"nethttp/clientheader/hooks": false,
		"nethttp/lib":                true,
	} {
		if got := parsed[path]; got != want {
			t.Errorf("FactPossibleParsed(%s) = %v, want %v", path, got, want)
		}
	}
	// Each of these has a fact one way only, so each test of
	// mayHaveFacts is needed by one (a router named or reached through
	// another package: its alias, its registrar interface, a type
	// parameter, a slice, a function's result; a writer parameter left
	// unnamed; a generic helper with a fact; before type-checking, a
	// router named through a dot import, a path constant repeated in its
	// block, converted, given by min, converted to a type declared in the
	// function, returned as a generic string type; a header name added up
	// from constants or a rune converted to an alias of string; a
	// response's header set through a variable, or a variable given
	// another; a request's body decoded through a variable, or through a reader made on it; a header's name written in escapes; a request's path read into a variable through parentheses; a template executed into a writer handed on; a value marshalled in a function literal taking a writer, or a writer type declared in the function around it; a request parameter named like an import, or written as a
	// generic alias; an
	// own method called on a value named like an import). ptralias and
	// litkey have no fact but FactPossible says one may be: the parsed
	// check must agree.
	if exported["google.golang.org/protobuf/encoding/protojson"] == 0 {
		t.Error("protojson's stand-in has no fact: originPackage is not pinned")
	}
	for _, name := range []string{"imported", "encode", "marshal", "decode", "setheader", "pair", "resultpath", "dispatch", "routeralias",
		"regtemplate", "regreturn", "reggeneric", "regslice", "proberesult", "unnamedwriter", "litwriter", "aliaswriter", "blankwriter",
		"generic/call", "generic/method", "generic/promoted", "generic/methodexpr", "regcall", "dotimport", "constrepeat", "concat",
		"shadowurl", "shadowpair", "minpath", "minpair", "localconv", "genstring", "genalias", "runeconv", "headervar", "headerchain", "decodevar", "decodewrap", "escapedname", "executewriter", "marshallit", "marshallocal", "dispatchvar"} {
		if exported["nethttp/prescan/"+name] == 0 {
			t.Errorf("nethttp/prescan/%s has no fact: it pins nothing", name)
		}
	}
}

// TestUseFlagsOr: or keeps each flag of either side; a flag added to
// useFlags and not to or would be lost where the parsed check folds the
// objects reached (reachFlags).
func TestUseFlagsOr(t *testing.T) {
	var flags []useFlags
	var set func(v reflect.Value, path string)
	set = func(v reflect.Value, path string) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			switch f.Kind() {
			case reflect.Bool:
				var u useFlags
				one := reflect.ValueOf(&u).Elem()
				for _, name := range strings.Split(strings.TrimPrefix(path+"."+v.Type().Field(i).Name, "."), ".") {
					one = one.FieldByName(name)
				}
				reflect.NewAt(one.Type(), one.Addr().UnsafePointer()).Elem().SetBool(true)
				flags = append(flags, u)
			case reflect.Struct:
				set(f, path+"."+v.Type().Field(i).Name)
			default:
				t.Fatalf("useFlags%s.%s: a %s, which or does not know", path, v.Type().Field(i).Name, f.Kind())
			}
		}
	}
	set(reflect.ValueOf(useFlags{}), "")
	if len(flags) < 7 {
		t.Fatalf("%d flags found", len(flags))
	}
	for _, u := range flags {
		if got := u.or(useFlags{}); got != u {
			t.Errorf("%+v or nothing = %+v", u, got)
		}
		if got := (useFlags{}).or(u); got != u {
			t.Errorf("nothing or %+v = %+v", u, got)
		}
	}
}
