// Package response answers requests through a builder of the program's
// own: the content type is a header handed to the builder, which sets
// it on the response later with values it does not know as constants.
package response

import (
	"encoding/json"
	"net/http"
)

// Builder writes a response.
type Builder struct {
	w       http.ResponseWriter
	status  int
	headers map[string]string
	body    []byte
}

// NewBuilder starts a response.
func NewBuilder(w http.ResponseWriter, r *http.Request) *Builder {
	return &Builder{w: w, status: http.StatusOK, headers: map[string]string{}}
}

// WithStatus sets the status.
func (b *Builder) WithStatus(code int) *Builder { b.status = code; return b }

// WithHeader sets a header.
func (b *Builder) WithHeader(key, value string) *Builder { b.headers[key] = value; return b }

// WithBody sets the body.
func (b *Builder) WithBody(body []byte) *Builder { b.body = body; return b }

// Write sends the response.
func (b *Builder) Write() {
	for k, v := range b.headers {
		b.w.Header().Set(k, v)
	}
	b.w.WriteHeader(b.status)
	_, _ = b.w.Write(b.body)
}

const jsonType = "application/json"

// HTML answers with a page.
func HTML[T []byte | string](w http.ResponseWriter, r *http.Request, body T) {
	NewBuilder(w, r).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody([]byte(body)).Write()
}

// JSON answers with a value.
func JSON(w http.ResponseWriter, r *http.Request, v any) {
	b, _ := json.Marshal(v)
	NewBuilder(w, r).WithHeader("Content-Type", jsonType).WithBody(b).Write()
}

// JSONBadRequest answers an error.
func JSONBadRequest(w http.ResponseWriter, r *http.Request, err error) {
	NewBuilder(w, r).WithStatus(http.StatusBadRequest).WithHeader("Content-Type", jsonType).Write()
}

// Text answers with plain text: no kind.
func Text(w http.ResponseWriter, r *http.Request, s string) {
	NewBuilder(w, r).WithHeader("Content-Type", "text/plain").WithBody([]byte(s)).Write()
}
