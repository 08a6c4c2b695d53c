package engine

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestFollowLive: the bound is raised above a live heap that outgrew it,
// after a collection, by the share or the least headroom, whichever is
// more, and left alone once stop returned.
func TestFollowLive(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(prev)
	const low = 1 << 20
	debug.SetMemoryLimit(low)
	stop := followLive(25, 0)
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

	// With a least headroom larger than the share: the live heap plus it.
	debug.SetMemoryLimit(low)
	const least = 64 << 20
	stop = followLive(25, least)
	raised = false
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		if debug.SetMemoryLimit(-1) >= (32<<20)+least {
			raised = true
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	if !raised {
		t.Errorf("limit %d with 32 MB live and %d bytes the least headroom: not raised past both", debug.SetMemoryLimit(-1), least)
	}
	runtime.KeepAlive(live)
}

// TestLimitMemoryLeast: the bound is at least the live heap plus the
// least headroom (more than any memory the test process holds in use).
func TestLimitMemoryLeast(t *testing.T) {
	prev := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(prev)
	runtime.GC()
	const least = 8 << 30
	restore, set := limitMemory(0, least, 0)
	got := debug.SetMemoryLimit(-1)
	restore()
	if !set || got < least {
		t.Errorf("limit %d (set: %v), want at least the live heap plus %d", got, set, int64(least))
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit %d after restore, want none", got)
	}
}
