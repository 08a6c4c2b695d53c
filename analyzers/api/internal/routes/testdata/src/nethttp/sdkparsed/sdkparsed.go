// Package sdkparsed is a service's client as code generators write
// them: requests built and signed, bodies marshalled and read back,
// transports wrapped, codecs named by constants. Its route facts are
// known to be none before it is type-checked (see
// FuncFact.FactPossibleParsed): it names net/http's client side only,
// and nothing its names reach serves a request.
package sdkparsed

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Service calls the service.
type Service struct {
	Doer     *http.Client
	Endpoint string
}

// Item is what the service stores.
type Item struct {
	ID string `json:"id"`
}

// PutItem stores an item and reads back what was stored.
func (c *Service) PutItem(ctx context.Context, t Item) (*Item, error) {
	b, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, c.Endpoint+"/items/"+t.ID, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	Sign(req)
	resp, err := c.Doer.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var out Item
	return &out, json.Unmarshal(data, &out)
}

// Sign signs a request: it takes one, but tests neither its method nor
// its URL.
func Sign(req *http.Request) { req.Header.Set("X-Signature", "s") }

// Transport adds a header to every request it sends.
type Transport struct {
	Base *http.Transport
}

// RoundTrip sends the request on.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("X-Client", "sdkparsed")
	return t.Base.RoundTrip(req)
}

// Codec names its wire format by a constant.
type Codec struct{}

const codecName = "json"

// Name is the codec's name.
func (Codec) Name() string { return codecName }

// Kind counts with iota.
type Kind int

const (
	KindGet Kind = iota
	KindPut
)

// String describes a kind through a method call of one argument, which
// no constant is.
func (k Kind) String() string { return k.describe(0) }

func (k Kind) describe(indent int) string { return fmt.Sprint(indent, int(k)) }
