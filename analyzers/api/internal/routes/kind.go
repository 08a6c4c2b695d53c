package routes

import (
	"path"
	"strings"
)

var healthNames = map[string]bool{
	"health": true, "healthz": true, "healthcheck": true, "health-check": true, "_health": true,
	"livez": true, "live": true, "liveness": true, "readyz": true, "ready": true, "readiness": true,
	"ping": true, "alive": true, "startupz": true,
}

var staticExts = map[string]bool{
	".ico": true, ".txt": true, ".css": true, ".js": true, ".png": true, ".svg": true,
	".jpg": true, ".jpeg": true, ".gif": true, ".webmanifest": true, ".map": true, ".woff": true, ".woff2": true,
}

var feedExts = map[string]bool{".xml": true, ".rss": true, ".atom": true}

// KindOf decides the kind of a route from its full path and what its
// handler writes. What the handler is known to serve (files, metrics,
// pprof) wins; then well-known paths (health checks, /metrics,
// /debug/, /.well-known/, files by extension); then what the handler
// writes (HTML pages, JSON; JSON registered beside pages, outside a
// path that declares an API, is the pages' own: KindUI). A route that
// none of these decide is KindOther.
func KindOf(p string, w Writes) Kind {
	switch {
	case w&WritesStatic != 0:
		return KindStatic
	case w&WritesMetrics != 0:
		return KindMetrics
	case w&WritesDebug != 0:
		return KindDebug
	}
	segs := Segments(p)
	var lits []string
	for _, s := range segs {
		if !isParamSegment(s) {
			lits = append(lits, strings.ToLower(s))
		}
	}
	if len(lits) > 0 {
		last := lits[len(lits)-1]
		switch {
		case healthNames[last]:
			return KindHealth
		case last == "metrics" || last == "prometheus" || last == "varz":
			return KindMetrics
		case lits[0] == "debug" || last == "pprof":
			return KindDebug
		case lits[0] == ".well-known", gitProtocol(segs, lits), protocolPath(lits):
			return KindProtocol
		case webFiles[last]:
			return KindStatic
		case staticExts[path.Ext(last)] && !isParamSegment(segs[len(segs)-1]):
			return KindStatic
		case feedExts[path.Ext(last)] && !isParamSegment(segs[len(segs)-1]):
			// RSS and Atom feeds, sitemaps: standard formats whose
			// schema is not the program's to version.
			return KindProtocol
		}
	}
	if len(segs) > 0 && RPCService(segs[0]) {
		return KindAPI // a gRPC-style path: Connect, gRPC-Web, Twirp
	}
	switch {
	case w&(WritesPage|Redirects) != 0:
		return KindPage
	case w&(WritesJSON|ReadsJSON) != 0:
		if w&BesidePages != 0 && !declaresAPI(lits) {
			return KindUI
		}
		return KindAPI
	case staticTree(p, segs, lits):
		return KindStatic
	}
	return KindOther
}

// staticDirs are directory names that hold files served as they are.
var staticDirs = map[string]bool{"static": true, "assets": true, "public": true, "dist": true}

// apiDirs are first path segments that hold an API rather than files.
var apiDirs = map[string]bool{"api": true, "apis": true, "rest": true, "rpc": true, "graphql": true}

// staticTree reports whether a path serves a whole tree below a
// directory of files: /static/*, /admin/assets/{path...}, /public/static/*filepath,
// a subtree /static/; not below /api.
func staticTree(p string, segs, lits []string) bool {
	if len(lits) == 0 || !staticDirs[lits[len(lits)-1]] || apiDirs[lits[0]] {
		return false
	}
	if strings.HasSuffix(p, "/") && !isParamSegment(segs[len(segs)-1]) {
		return true // net/http's and gorilla's subtree of the directory
	}
	if len(segs) < 2 {
		return false
	}
	last := segs[len(segs)-1]
	return strings.HasPrefix(last, "*") || (strings.HasPrefix(last, "{") && strings.HasSuffix(last, "...}"))
}

// isParamSegment reports whether a path segment is a parameter in one of
// the routers' syntaxes: {id}, {id...}, {id:[0-9]+}, :id, *rest, *.
func isParamSegment(s string) bool {
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, ":") || strings.HasPrefix(s, "*")
}

// gitProtocol reports whether a path ends as git's HTTP protocols do:
// the smart one (/info/refs, /git-upload-pack, /git-receive-pack) and the
// dumb one (/HEAD, /objects/info/packs, /objects/pack/…, /objects/{xx}/{hash}):
// git's contract, versioned by git. lits are the literal segments, lower
// case.
func gitProtocol(segs, lits []string) bool {
	n := len(lits)
	switch {
	case n == 0:
		return false
	case lits[n-1] == "git-upload-pack", lits[n-1] == "git-receive-pack":
		return true
	case segs[len(segs)-1] == "HEAD":
		return true
	}
	for i, s := range lits[:n-1] {
		if s == "objects" && (lits[i+1] == "info" || lits[i+1] == "pack") {
			return true
		}
	}
	if i := len(segs) - 3; i >= 0 && segs[i] == "objects" && isParamSegment(segs[i+1]) && isParamSegment(segs[i+2]) {
		return true // /objects/{head}/{hash}: a loose object
	}
	return n >= 2 && lits[n-2] == "info" && lits[n-1] == "refs"
}

// webFiles are files a browser or crawler fetches by a fixed name, served
// as they are whatever their extension.
var webFiles = map[string]bool{
	"manifest.json": true, "asset-manifest.json": true, "browserconfig.xml": true,
	"robots.txt": true, "humans.txt": true, "security.txt": true,
	// The description of an API, a document that carries the version of
	// the API it describes.
	"openapi.json": true, "openapi.yaml": true, "openapi.yml": true, "swagger.json": true, "swagger.yaml": true,
}

// protocolSegments are path segments that name a protocol whose contract
// is its specification, not the program's: OAuth 2 and OpenID Connect
// endpoints (authorize, token, callbacks), SAML, SCIM, WebDAV, CalDAV
// and CardDAV collections, the Fever and Google Reader feed-sync APIs
// (/fever, /reader/api/0), NodeInfo and WebFinger.
var protocolSegments = map[string]bool{
	"oauth": true, "oauth2": true, "oidc": true, "openid": true, "openid-connect": true,
	"saml": true, "saml2": true, "scim": true,
	"dav": true, "webdav": true, "caldav": true, "carddav": true,
	"fever": true, "nodeinfo": true, "webfinger": true,
}

// protocolPath reports whether the literal segments of a path name a
// well-known external protocol (protocolSegments, in the first three
// segments, before any API root or version: /v1/acl/oidc/auth-url is
// the program's own API about OIDC), the Google Reader API (reader/api,
// accounts/ClientLogin) or an ActivityPub actor's inbox or outbox
// outside an API root.
func protocolPath(lits []string) bool {
	n := len(lits)
	for i, s := range lits {
		if i >= 3 || apiDirs[s] || versionLike(s) {
			break
		}
		if protocolSegments[s] {
			return true
		}
		if i+1 < n && (s == "reader" && lits[i+1] == "api" || s == "accounts" && lits[i+1] == "clientlogin") {
			return true
		}
	}
	last := lits[n-1]
	return (last == "inbox" || last == "outbox") && !apiDirs[lits[0]]
}

// declaresAPI reports whether a path's literal segments say it is an API:
// an API root (/api, /rest) or a version (/v1, /0) anywhere in it, or a
// last segment naming a JSON document (/feed.json).
func declaresAPI(lits []string) bool {
	for _, s := range lits {
		if apiDirs[s] || versionLike(s) {
			return true
		}
	}
	return len(lits) > 0 && path.Ext(lits[len(lits)-1]) == ".json"
}

// versionLike reports whether a segment looks like a version (v1, v2beta,
// a number): where the program's own API starts.
func versionLike(s string) bool {
	s = strings.TrimPrefix(s, "v")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// RPCService reports whether a path segment names an RPC service as
// gRPC, Connect and Twirp paths do: a protobuf package and a service
// name, memos.api.v1.MemoService.
func RPCService(seg string) bool {
	i := strings.LastIndexByte(seg, '.')
	if i <= 0 || i == len(seg)-1 || seg[i+1] < 'A' || seg[i+1] > 'Z' {
		return false
	}
	for _, r := range seg {
		switch {
		case r == '.', r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return true
}

// markBesidePages marks the JSON routes registered beside the service's
// own pages (BesidePages): on a router that this package's own
// registrations give more pages than JSON routes, as a user interface's
// router serves its pages and the few JSON endpoints their scripts call.
// Routes of other functions' facts, handed a router here, do not count:
// a public API registered beside a package that adds the index page
// stays an API.
func (x *extractor) markBesidePages() {
	type tally struct{ pages, json int }
	by := map[*node]*tally{}
	for _, r := range x.routes {
		if r.inherited || r.probe != "" || r.tmpl != nil {
			continue
		}
		t := by[r.n]
		if t == nil {
			t = &tally{}
			by[r.n] = t
		}
		switch {
		case r.writes&WritesPage != 0:
			t.pages++
		case r.writes&(WritesJSON|ReadsJSON) != 0:
			t.json++
		}
	}
	for _, r := range x.routes {
		if t := by[r.n]; t != nil && !r.inherited && t.pages > t.json {
			r.writes |= BesidePages
		}
	}
}
