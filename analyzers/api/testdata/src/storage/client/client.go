// Package client calls the service's API: it encodes request bodies and
// decodes responses into the shared types, which exposes nothing.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"

	"storage/store"
)

// Client calls the API.
type Client struct{ base string }

// Order fetches an order: decoded from a response, not encoded as one.
func (c *Client) Order(ctx context.Context) (*store.Order, error) {
	out := new(store.Order)
	err := c.get(ctx, c.base+"/orders/1", out)
	return out, err
}

// Save posts an order as a request body.
func (c *Client) Save(ctx context.Context, o *store.Order) error {
	return c.do(ctx, "POST", c.base+"/orders", o, nil)
}

func (c *Client) get(ctx context.Context, url string, out any) error {
	return c.do(ctx, "GET", url, nil, out)
}

func (c *Client) do(ctx context.Context, method, url string, in, out any) error {
	var buf io.ReadWriter
	if in != nil {
		buf = &bytes.Buffer{}
		if err := json.NewEncoder(buf).Encode(in); err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, url, buf)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}
