package engine

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// analysisHeadroom is how much more than the live heap the analysis
// phase may take, in percent, and inUseHeadroom how much more than the
// memory loading left in use (its garbage included).
//
// The bound used to be inUse × 1.5. With the loader the memory in use
// when the analysis starts holds much garbage (gitness: 237 MB in use,
// 137 MB live), so that bound (355 MB) was above where the collector's
// own pacing (twice the live heap) put the peak. inUse × 1.1 made the
// peak 15–18 % smaller at no measurable cost in time (gitness 306 →
// 260 MB, synth2000 419 → 345 MB, nomad 512 → 435 MB; wall 1.02×,
// 0.99×, 1.00×, whole process, medians of 3–6 interleaved pairs);
// inUse + 16 MB cost nomad 7 % more time. The live heap × 1.5 is a
// floor for when little garbage is left.
//
// earlyHeadroom is analysisHeadroom for the dependencies' facts computed
// before the export data is read (Engine.Early): the bound is taken once
// Early's own types are read (ownTypes), when the live heap is those
// types (the matched packages' files parsed ahead are gone) but not the
// dependencies analysed from source, one or two at a time, which on
// nomad add up to 200 MB more (aws-sdk-go-v2's ec2: 12 MB of source);
// followHeadroom what followLive leaves above the live heap after each
// collection. Early's types go before the matched packages load, so its
// phase holds the first audit's peak: the live heap plus 60% and 15%
// made nomad's peak 0.86× and gitness's 0.78× (612 and 317 MB) for
// 1.08× and 1.07× the time, against twice the live heap and 25% (3
// interleaved pairs each); with Early's work on the loader's types
// (before 2026-12-06) the peak after loading was as high, and twice the
// live heap was the bound that cost no memory.
//
// followMinHeadroom is the least Early's bound leaves, in bytes, from
// the start and after each collection (followLive): every
// collection marks the whole live heap, Early's own types most of all,
// and 15% of gitness's 100–170 MB made it collect every 15–25 MB
// allocated (77 collections in a first audit). At least 48 MB: gitness
// 0.92× the time for a peak 5% higher (287 MB against 272), nomad, whose
// 15% is about as much already, 0.94× for 1.5% (interleaved pairs).
const (
	analysisHeadroom  = 50
	inUseHeadroom     = 10
	earlyHeadroom     = 60
	followHeadroom    = 15
	followMinHeadroom = 48 << 20
)

// limitAnalysisMemory bounds the memory of the analysis phase and
// returns the function that lifts the bound.
//
// Loading leaves the syntax and types of every package in memory; the
// analysis adds little that lives on (results, facts) but allocates a
// lot that does not (an inspector per package; on a first audit, the
// syntax and types of each dependency computed from source). With the
// default GOGC the heap would grow to twice what loading left live
// before the collector runs. A soft memory limit a little above what is in use after
// loading makes it collect earlier, for a few more collections. Nothing
// changes when the user set a limit (GOMEMLIMIT).
func limitAnalysisMemory() (restore func()) {
	restore, _ = limitMemory(analysisHeadroom, 0, inUseHeadroom)
	return restore
}

// limitMemory sets a soft memory limit of the live heap plus liveHeadroom
// percent (and at least minHeadroom bytes), or the memory in use plus
// inUseHeadroom percent, whichever is more, unless a limit is set
// already; restore lifts it, set says whether it set one.
func limitMemory(liveHeadroom, minHeadroom, inUseHeadroom int64) (restore func(), set bool) {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return func() {}, false
	}
	m, ok := readMemory()
	if !ok {
		return func() {}, false
	}
	limit := max(m.liveBound(liveHeadroom, minHeadroom), m.inUse*(100+inUseHeadroom)/100)
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }, true
}

// memoryInUse is what the runtime's metrics say of the memory in use.
type memoryInUse struct {
	inUse int64 // mapped and not released
	live  int64 // the heap the last collection marked
	other int64 // stacks, the runtime's own, free spans
}

// liveBound is a bound of the live heap plus headroom percent, and at
// least minHeadroom bytes, above what the runtime holds besides.
func (m memoryInUse) liveBound(headroom, minHeadroom int64) int64 {
	return m.other + max(m.live*(100+headroom)/100, m.live+minHeadroom)
}

func readMemory() (memoryInUse, bool) {
	samples := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(samples)
	for _, s := range samples {
		if s.Value.Kind() != metrics.KindUint64 {
			return memoryInUse{}, false
		}
	}
	inUse := int64(samples[0].Value.Uint64() - samples[1].Value.Uint64())
	objects := int64(samples[2].Value.Uint64())
	return memoryInUse{inUse: inUse, live: int64(samples[3].Value.Uint64()), other: inUse - objects}, true
}

// followLive raises the soft memory limit, after every collection, to
// the live heap plus headroom percent, and at least minHeadroom bytes,
// when that is more, until stop is
// called: a limit the live heap comes close to makes the collector run
// without end (up to half the cores, the runtime's own cap), which a
// bound taken before the largest packages are analysed cannot rule
// out. It does nothing when no limit is set; it is for a limit of
// limitMemory's, never one the user set.
func followLive(headroom, minHeadroom int64) (stop func()) {
	var mu sync.Mutex // held while the limit is raised: none is once stop returned
	stopped := false
	var arm func()
	arm = func() {
		// A finalizer runs after the collection that finds its object
		// unreachable: once per collection, re-armed each time.
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				return
			}
			limit := debug.SetMemoryLimit(-1)
			if m, ok := readMemory(); ok && limit != math.MaxInt64 {
				if want := m.liveBound(headroom, minHeadroom); want > limit {
					debug.SetMemoryLimit(want)
				}
			}
			arm()
		})
	}
	arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
	}
}
