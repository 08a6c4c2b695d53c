package routes

import (
	"reflect"
	"strings"
	"testing"
)

func TestParsePattern(t *testing.T) {
	tests := []struct {
		name, reason, in string
		want             Pattern
		err              bool
	}{
		{name: "path", reason: "a plain path matches every method and host", in: "/orders",
			want: Pattern{Path: "/orders"}},
		{name: "method", reason: "Go 1.22 method prefix", in: "GET /orders/{id}",
			want: Pattern{Method: "GET", Path: "/orders/{id}", Wildcards: []string{"id"}}},
		{name: "tabs", reason: "spaces and tabs separate the method", in: "POST \t /x",
			want: Pattern{Method: "POST", Path: "/x"}},
		{name: "host", reason: "a host before the first slash", in: "api.example.com/v1/",
			want: Pattern{Host: "api.example.com", Path: "/v1/", Subtree: true}},
		{name: "method host", reason: "method and host together", in: "PUT example.com/a/{b}",
			want: Pattern{Method: "PUT", Host: "example.com", Path: "/a/{b}", Wildcards: []string{"b"}}},
		{name: "rest", reason: "a {name...} wildcard matches the rest", in: "/files/{path...}",
			want: Pattern{Path: "/files/{path...}", Wildcards: []string{"path"}, Subtree: true}},
		{name: "anchor", reason: "{$} anchors the end", in: "GET /{$}",
			want: Pattern{Method: "GET", Path: "/{$}"}},
		{name: "subtree", reason: "a trailing slash matches everything below", in: "/api/v1/",
			want: Pattern{Path: "/api/v1/", Subtree: true}},
		{name: "empty", reason: "ServeMux rejects it", in: "", err: true},
		{name: "no slash", reason: "host/path missing /", in: "GET orders", err: true},
		{name: "partial wildcard", reason: "a wildcard must be a whole segment", in: "/a{b}", err: true},
		{name: "dollar inside", reason: "{$} only at the end", in: "/{$}/x", err: true},
		{name: "rest inside", reason: "{x...} only at the end", in: "/{x...}/y", err: true},
		{name: "duplicate", reason: "wildcard names are unique", in: "/{a}/{a}", err: true},
		{name: "bad name", reason: "wildcard names are identifiers", in: "/{1a}", err: true},
		{name: "host wildcard", reason: "hosts have no wildcards", in: "{x}.com/", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePattern(tt.in)
			if (err != nil) != tt.err {
				t.Fatalf("ParsePattern(%q) error = %v, want error %v (%s)", tt.in, err, tt.err, tt.reason)
			}
			if !tt.err && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParsePattern(%q) = %+v, want %+v (%s)", tt.in, got, tt.want, tt.reason)
			}
		})
	}
}

func TestJoinPath(t *testing.T) {
	tests := []struct{ prefix, path, want, reason string }{
		{"", "/x", "/x", "no prefix"},
		{"/api/v1", "/orders", "/api/v1/orders", "one slash between"},
		{"/api/v1/", "/orders", "/api/v1/orders", "no double slash"},
		{"/v1", "", "/v1", "an empty path is the prefix itself (gin Group root)"},
		{"/v1", "orders/", "/v1/orders/", "a trailing slash is kept"},
		{"", "", "/", "the root"},
	}
	for _, tt := range tests {
		if got := JoinPath(tt.prefix, tt.path); got != tt.want {
			t.Errorf("JoinPath(%q, %q) = %q, want %q (%s)", tt.prefix, tt.path, got, tt.want, tt.reason)
		}
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		path   string
		w      Writes
		want   Kind
		reason string
	}{
		{"/healthz", WritesJSON, KindHealth, "health checks by path win over JSON"},
		{"/api/v1/orders", WritesJSON, KindAPI, "JSON handler"},
		{"/account", WritesPage | WritesJSON, KindPage, "a template makes a page"},
		{"/metrics", 0, KindMetrics, "metrics by path"},
		{"/x", WritesMetrics, KindMetrics, "promhttp handler"},
		{"/debug/pprof/", 0, KindDebug, "pprof"},
		{"/static/", WritesStatic, KindStatic, "file server"},
		{"/favicon.ico", 0, KindStatic, "file by extension"},
		{"/files/{name}", 0, KindOther, "a wildcard is not a file"},
		{"/.well-known/openid-configuration", WritesJSON, KindProtocol, "well-known"},
		{"/login", 0, KindOther, "unknown handler"},
		{"/static/", 0, KindStatic, "a subtree of a directory of files"},
		{"/api/static/", 0, KindOther, "not below /api"},
		{"/static", 0, KindOther, "one path, no subtree"},
		{"/entry/status", WritesJSON | BesidePages, KindUI, "JSON beside pages"},
		{"/api/entries", WritesJSON | BesidePages, KindAPI, "the path says API"},
		{"/v1/entries", WritesJSON | BesidePages, KindAPI, "a version says API"},
		{"/logout", Redirects, KindPage, "a redirect is a page flow"},
	}
	for _, tt := range tests {
		if got := KindOf(tt.path, tt.w); got != tt.want {
			t.Errorf("KindOf(%q, %b) = %s, want %s (%s)", tt.path, tt.w, got, tt.want, tt.reason)
		}
	}
}

func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{"/", "GET /orders/{id}", "example.com/a/{b...}", "/{$}", "POST\t/x/", "/a{b}", "{x}/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePattern(s)
		if err != nil {
			return
		}
		if !strings.HasPrefix(p.Path, "/") {
			t.Fatalf("ParsePattern(%q).Path = %q, does not start with /", s, p.Path)
		}
		if !strings.HasSuffix(s, p.Path) || !strings.Contains(s, p.Host+p.Path) {
			t.Fatalf("ParsePattern(%q) = %+v, not a split of the input", s, p)
		}
		if strings.ContainsAny(p.Host, "/{}") {
			t.Fatalf("ParsePattern(%q).Host = %q", s, p.Host)
		}
		seen := map[string]bool{}
		for _, w := range p.Wildcards {
			if seen[w] || !isIdent(w) {
				t.Fatalf("ParsePattern(%q): bad or repeated wildcard %q", s, w)
			}
			seen[w] = true
		}
		// Joining below a prefix keeps the path a path.
		if j := JoinPath("/v1", p.Path); !strings.HasPrefix(j, "/v1/") && j != "/v1" {
			t.Fatalf("JoinPath(/v1, %q) = %q", p.Path, j)
		}
	})
}
