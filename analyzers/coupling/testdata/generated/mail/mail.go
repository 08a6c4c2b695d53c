// Package mail sends mail.
package mail

import "sync"

// Sender is a service.
type Sender struct{ mu sync.Mutex }

// Send sends.
func (s *Sender) Send() {}
