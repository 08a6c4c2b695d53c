package audit

import (
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/internal/cache"
)

// TestLoadGuess: the dependencies are guessed only with a cache and the
// go command's settings, and never with -mod=mod (a guess naming a
// package that no longer exists would make the go command add a module
// to go.mod).
func TestLoadGuess(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		lc    loadCache
		flags []string
		want  bool
	}{
		{"cache and settings", loadCache{c: c, env: map[string]string{"GOFLAGS": "-tags=x"}}, nil, true},
		{"vendor", loadCache{c: c, env: map[string]string{"GOFLAGS": "-mod=vendor"}}, nil, true},
		{"no cache", loadCache{env: map[string]string{}}, nil, false},
		{"settings unknown", loadCache{c: c}, nil, false},
		{"GOFLAGS -mod=mod", loadCache{c: c, env: map[string]string{"GOFLAGS": "-tags=x -mod=mod"}}, nil, false},
		{"GOFLAGS --mod=mod", loadCache{c: c, env: map[string]string{"GOFLAGS": "--mod=mod"}}, nil, false},
		{"build flag -mod mod", loadCache{c: c, env: map[string]string{}}, []string{"-mod", "mod"}, false},
		{"build flag -mod=mod", loadCache{c: c, env: map[string]string{}}, []string{"-mod=mod"}, false},
	} {
		if got := tt.lc.guess(&packages.Config{BuildFlags: tt.flags}); got != tt.want {
			t.Errorf("%s: guess %v, want %v", tt.name, got, tt.want)
		}
	}
}
