// Package dispatch registers catch-alls whose handlers pick the route
// themselves, testing the request's method and path: constants,
// constant variables, anchored regular expressions, strings.HasPrefix,
// an if/else chain in a function the handler hands the request to, a
// switch in another package. An index handler testing one path is no
// dispatcher; a handler answering other paths after its branches keeps
// its catch-all; a branch's path the router never sends to the handler
// (/app for /app/) is no route of it.
package dispatch

import (
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"

	"nethttp/dispatch/web"
)

var (
	topicPathRegex = regexp.MustCompile(`^/[-_A-Za-z0-9]{1,64}$`)
	jsonPathRegex  = regexp.MustCompile(`^/[-_A-Za-z0-9]{1,64}(,[-_A-Za-z0-9]{1,64})*/json$`)
	publishRegex   = regexp.MustCompile(`^/[-_A-Za-z0-9]{1,64}/(publish|send)$`)
	docsRegex      = regexp.MustCompile(`^/docs(|/.*)$`)
	reserveRegex   = regexp.MustCompile(`/v1/reservation/([-_A-Za-z0-9]{1,64})$`)

	usersPath = "/v1/users"
)

type server struct{ web bool }

type handleFunc func(w http.ResponseWriter, r *http.Request) error

func (s *server) ensureAdmin(next handleFunc) handleFunc { return next }

func (s *server) usersGet(w http.ResponseWriter, r *http.Request) error {
	return json.NewEncoder(w).Encode([]string{})
}

func (s *server) usersAdd(w http.ResponseWriter, r *http.Request) error {
	var v map[string]string
	return json.NewDecoder(r.Body).Decode(&v)
}

func (s *server) publish(w http.ResponseWriter, r *http.Request) error {
	return json.NewEncoder(w).Encode("ok")
}

func (s *server) subscribe(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/x-ndjson")
	return nil
}

func (s *server) docs(w http.ResponseWriter, r *http.Request) error {
	http.ServeFile(w, r, "docs/index.html")
	return nil
}

func timing(f func()) { f() }

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	timing(func() {
		if err := s.handleInternal(w, r); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
}

func (s *server) handleInternal(w http.ResponseWriter, r *http.Request) error {
	if r.Method == http.MethodGet && r.URL.Path == usersPath {
		return s.ensureAdmin(s.usersGet)(w, r)
	} else if r.Method == http.MethodPost && r.URL.Path == usersPath {
		return s.ensureAdmin(s.usersAdd)(w, r)
	} else if (r.Method == http.MethodPut || r.Method == http.MethodPost) && topicPathRegex.MatchString(r.URL.Path) {
		return s.publish(w, r)
	} else if r.Method == http.MethodGet && publishRegex.MatchString(r.URL.Path) {
		return s.publish(w, r)
	} else if r.Method == http.MethodGet && jsonPathRegex.MatchString(r.URL.Path) && s.web {
		return s.subscribe(w, r)
	} else if r.Method == http.MethodDelete && reserveRegex.MatchString(r.URL.Path) {
		return s.publish(w, r)
	} else if r.Method == http.MethodGet && docsRegex.MatchString(r.URL.Path) {
		return s.docs(w, r)
	} else if r.Method == http.MethodOptions {
		return nil // any path: no route of its own
	} else if r.Method != http.MethodGet && r.URL.Path == "/" {
		return nil // a test not understood: no guess
	}
	return errors.New("not found")
}

// index serves the home page and answers the browser's icon request
// itself: one test is no routing table.
func index(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/favicon.ico" {
		return
	}
	_, _ = w.Write([]byte("<html>"))
}

// status answers one path apart and every other request after it: the
// marker of the other requests is no second branch, so this is no
// routing table either.
func status(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/favicon.ico" {
		return
	}
	_ = json.NewEncoder(w).Encode("ok")
}

func assets(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch {
	case strings.HasPrefix(path, "/assets/"):
		http.ServeFile(w, r, path[1:])
	case path == "/assets.json":
		_ = json.NewEncoder(w).Encode([]string{})
	}
}

// token answers its own paths, and any other below its registration
// after them: the catch-all stays beside them.
func token(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/v1/token/self":
		_ = json.NewEncoder(w).Encode("self")
		return
	case "/v1/token/new":
		_ = json.NewEncoder(w).Encode("new")
		return
	}
	accessor := strings.TrimPrefix(r.URL.Path, "/v1/token/")
	_ = json.NewEncoder(w).Encode(accessor)
}

func main() {
	s := &server{}
	mux := http.NewServeMux()
	mux.HandleFunc("/", s.handle)       // want `route GET /v1/users api by s.usersGet` `route POST /v1/users api by s.usersAdd` `route PUT /\{p1\} api by s.publish` `route POST /\{p1\} api by s.publish` `route GET /\{p1\}/publish api by s.publish` `route GET /\{p1\}/send api by s.publish` `route GET /\{p1\}/json api by s.subscribe` `route DELETE /v1/reservation/\{p1\} api by s.publish` `route GET /docs static by s.docs` `route GET /docs/\{rest...\} static by s.docs`
	mux.HandleFunc("/app/", web.Handle) // want `route /app/ page by web.Handle` `route GET /app/config.json api by web.Handle` `route PUT /app/config.json api by web.Handle`
	mux.HandleFunc("/home/", index)     // want `route /home/ other by index`
	mux.HandleFunc("/v1/token/", token) // want `route /v1/token/self api by token` `route /v1/token/new api by token` `route /v1/token/ api by token`
	files := http.NewServeMux()
	files.HandleFunc("GET /", assets) // want `route GET /assets/\{rest...\} static by assets` `route GET /assets.json api by assets`
	statusMux := http.NewServeMux()
	statusMux.HandleFunc("/", status) // want `route / api by status`
	_ = http.ListenAndServe(":8080", mux)
	_ = http.ListenAndServe(":8081", files)
	_ = http.ListenAndServe(":8082", statusMux)
}
