package engine

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
)

// analysisHeadroom is how much more memory than loading left in use the
// analysis phase may take, in percent. Measured on the 2000-package
// synthetic module (docs/performance.md): 35 made the collector run so
// often that the analysis took 1.7 times as long; 50 keeps peak RSS
// within 1.4 times the load floor's and costs about 0.1 s.
const analysisHeadroom = 50

// limitAnalysisMemory bounds the memory of the analysis phase and
// returns the function that lifts the bound.
//
// Loading leaves the syntax and types of every package in memory; the
// analysis adds little that lives on (results, facts) but allocates a
// lot that does not (an inspector per package). With the default GOGC
// the heap would grow to twice what loading left before the collector
// runs. A soft memory limit a little above what is in use after loading
// makes it collect earlier, for a few more collections. Nothing changes
// when the user set a limit (GOMEMLIMIT).
func limitAnalysisMemory() (restore func()) {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return func() {}
	}
	samples := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(samples)
	if samples[0].Value.Kind() != metrics.KindUint64 || samples[1].Value.Kind() != metrics.KindUint64 {
		return func() {}
	}
	inUse := int64(samples[0].Value.Uint64() - samples[1].Value.Uint64())
	limit := max(inUse*(100+analysisHeadroom)/100, inUse+16<<20)
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}
