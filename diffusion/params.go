package diffusion

import "math"

// MinMisnamed is the floor of Params.Misnamed in inference: a named place
// is at most ExplicitShare/MinMisnamed times likelier to be the source than
// its hazard alone says.
const MinMisnamed = 0.002

// DefaultParams are plausible weights for yearly reports: a parent passes a
// mechanism on to a child far more readily than a place to one in another
// province. Simulations start from them, and fitting starts from them too
// (and uses them as a weak prior), but Fit's results do not depend on them
// in any material way.
func DefaultParams() Params {
	return Params{
		Rate: map[string]float64{
			PathParentChild: 0.25,
			PathChildParent: 0.08,
			PathSiblings:    0.05,
			PathProvince:    0.005,
			PathNational:    0.0004,
		},
		Decay:         0.6,
		Tie:           0.5,
		Innovation:    0.003,
		Document:      0.12,
		ExplicitShare: 0.3,
		Misnamed:      MinMisnamed,
		Cite:          0.8,
		CiteOther:     0.3,
		AwardShare:    0.08,
		AwardBoost:    3,
	}
}

// weights is Params in the form inference uses: rates indexed by path kind,
// every zero field replaced by its default, shares clamped to (0, 1).
type weights struct {
	rate                 [numKinds]float64
	decay, tie           float64
	innovation, document float64
	explicit, misnamed   float64
	cite, citeOther      float64
	awardBoost           float64
}

func (p Params) weights() weights {
	d := DefaultParams()
	or := func(v, def float64) float64 {
		if v > 0 && !math.IsInf(v, 0) {
			return v
		}
		return def
	}
	var w weights
	for k, n := range pathNames() {
		w.rate[k] = or(p.Rate[n], d.Rate[n])
	}
	w.decay = or(p.Decay, d.Decay)
	w.tie = or(p.Tie, d.Tie)
	w.innovation = or(p.Innovation, d.Innovation)
	w.document = or(p.Document, d.Document)
	w.explicit = clamp(or(p.ExplicitShare, d.ExplicitShare), 0.01, 0.99)
	w.misnamed = clamp(p.Misnamed, MinMisnamed, 0.5)
	w.cite = clamp(or(p.Cite, d.Cite), 0.01, 0.99)
	w.citeOther = clamp(or(p.CiteOther, d.CiteOther), 0.01, 0.99)
	w.awardBoost = or(p.AwardBoost, d.AwardBoost)
	return w
}

// params turns weights back into Params, keeping p's simulation-only
// fields.
func (w weights) params(p Params) Params {
	p.Rate = make(map[string]float64, numKinds)
	for k, n := range pathNames() {
		p.Rate[n] = w.rate[k]
	}
	p.Decay = w.decay
	p.Tie = w.tie
	p.Innovation = w.innovation
	p.Document = w.document
	p.ExplicitShare = w.explicit
	p.Misnamed = w.misnamed
	p.Cite = w.cite
	p.CiteOther = w.citeOther
	p.AwardBoost = w.awardBoost
	return p
}

func clamp(v, lo, hi float64) float64 {
	return math.Max(lo, math.Min(hi, v))
}

// Yearly expresses the simulator's weights in the terms of the yearly
// model inference uses, for the oracle: the simulator's hazards act
// quarter by quarter (StepsPerYear), with Decay applied per whole year
// since the source adopted, while inference sees only report years. The
// hazard a target feels, at a moment of the year after its source's, is on
// average Rate·f1 with f1 = (S−1)/2S + (S+1)/2S·Decay, so rates are scaled
// by f1; a same-year source preceded it and acts on it with chance
// (S−1)/2S, so Tie = ((S−1)/2S)/f1; lags beyond keep the ratio Decay.
func (p Params) Yearly() Params {
	const s = float64(StepsPerYear)
	before := (s - 1) / (2 * s)
	f1 := before + (s+1)/(2*s)*p.Decay
	out := p
	out.Rate = make(map[string]float64, len(p.Rate))
	for k, v := range p.Rate {
		out.Rate[k] = v * f1
	}
	out.AwardBoost = p.AwardBoost
	out.Tie = before / f1
	return out
}
