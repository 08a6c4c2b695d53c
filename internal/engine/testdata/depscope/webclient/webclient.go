// Package webclient calls a service, as a cloud SDK's client does: it
// imports net/http and encoding/json, so it is in the routes' scope, but
// only sends requests and reads responses. Once type-checked it is known
// to have no route fact: the routes analyzer does not run on it.
package webclient

import (
	"encoding/json"
	"net/http"
)

// Status asks the service for its status.
func Status(c *http.Client, url string) (string, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct{ Status string }
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Status, err
}
