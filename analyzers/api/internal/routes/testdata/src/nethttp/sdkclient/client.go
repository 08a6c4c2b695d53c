// Package sdkclient is a service's client, as a cloud SDK's: it imports
// net/http and encoding/json but only sends requests and reads
// responses. It registers no route and answers no request, so it has no
// route fact: its dependencies' facts need not be computed once it is
// type-checked (see FuncFact.FactPossible).
package sdkclient

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// Client calls the service.
type Client struct {
	HTTP    *http.Client
	BaseURL string
}

// Thing is what the service returns.
type Thing struct {
	Name string `json:"name"`
}

// GetThing asks for a thing.
func (c *Client) GetThing(ctx context.Context, name string) (*Thing, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/things/"+name, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var t Thing
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return nil, err
	}
	return &t, nil
}

// PutThing stores a thing.
func (c *Client) PutThing(ctx context.Context, t Thing) error {
	var body bytes.Buffer
	if err := json.NewEncoder(&body).Encode(t); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.BaseURL+"/things/"+t.Name, &body)
	if err != nil {
		return err
	}
	for k, v := range map[string]string{"X-Trace": "1"} {
		req.Header.Set(k, v)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// WithToken is a request editor: it takes a request and sets a header,
// which no dispatcher does.
func WithToken(token string) func(ctx context.Context, req *http.Request) error {
	return func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
}

// Sign is a request editor declared as a function.
func Sign(ctx context.Context, req *http.Request) error {
	req.Header.Set("X-Signature", "s")
	return nil
}
