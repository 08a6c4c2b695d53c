package engine

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestFollowLive: the bound is raised above a live heap that outgrew it,
// after a collection, and left alone once stop returned.
func TestFollowLive(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	const low = 1 << 20
	debug.SetMemoryLimit(low)
	stop := followLive(25)
	live := make([][]byte, 32)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	raised := false
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		if debug.SetMemoryLimit(-1) >= 32<<20 {
			raised = true
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !raised {
		t.Errorf("limit %d with 32 MB live: not raised", debug.SetMemoryLimit(-1))
	}
	stop()
	debug.SetMemoryLimit(low)
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != low {
		t.Errorf("limit %d after stop, want it left at %d", got, low)
	}
	runtime.KeepAlive(live)
}
