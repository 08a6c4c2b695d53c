// Package notify calls other services. Its HTTP calls are requests the
// program makes, not routes it serves: none of them is in the inventory.
package notify

import (
	"bytes"
	"context"
	"net/http"
)

// Team posts an event to the team's chat and checks the status page.
func Team(ctx context.Context, event []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://hooks.example.com/v1/notify", bytes.NewReader(event))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	status, err := http.Get("https://status.example.com/api/v2/status.json")
	if err != nil {
		return err
	}
	return status.Body.Close()
}
