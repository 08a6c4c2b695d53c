package policy

// Preset returns the invest-now threshold and the weights of a stage.
// A policy's thresholds: and weights: sections override single values.
//
//	stage     invest-now  internal  cross-module  data  public
//	explore   48          1         2             3     3
//	traction  40          2         3             3     3
//	scale     32          3         4             4     4
//
// The criticality weights are the same at every stage: low 1, normal 2,
// high 3; so is the zone-of-pain weight, 2. The churn weight is 1 (off)
// at every stage: churn is counted by file, and a decision whose sites sit
// in files that change for other reasons (a command package holding the
// whole application) would be weighed up for nothing; a policy turns it
// on with weights.churn. As a product grows, the
// threshold falls and exposure inside the code base weighs more, so more
// decisions become invest-now. An unknown stage gets the preset of
// Traction, the default stage.
func Preset(s Stage) (Thresholds, Weights) {
	crit := Weights{Low: 1, Normal: 2, High: 3, ZoneOfPain: 2, Churn: 1}
	switch s {
	case Explore:
		return Thresholds{InvestNow: 48}, exposure(crit, 1, 2, 3, 3)
	case Scale:
		return Thresholds{InvestNow: 32}, exposure(crit, 3, 4, 4, 4)
	default:
		return Thresholds{InvestNow: 40}, exposure(crit, 2, 3, 3, 3)
	}
}

// exposure returns w with the given exposure weights.
func exposure(w Weights, internal, crossModule, data, public int) Weights {
	w.Internal, w.CrossModule, w.Data, w.Public = internal, crossModule, data, public
	return w
}
