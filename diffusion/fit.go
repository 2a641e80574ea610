package diffusion

import (
	"math"
)

// FitOptions tune Fit.
type FitOptions struct {
	// Start is where the iterations start, and the weak prior; zero
	// fields take DefaultParams' values.
	Start Params
	// MaxIterations bounds the EM iterations (default 200).
	MaxIterations int
	// Tolerance stops the iterations once no weight changes by more than
	// this share (default 1e-5).
	Tolerance float64
	// LastYear ends the observation (default: the latest event's year).
	LastYear int
	// IgnoreCues and IgnoreDocuments fit the model inference will use
	// with the same Options.
	IgnoreCues, IgnoreDocuments bool
}

// priorMass is the weight, in adoptions, of the prior on each rate: it only
// keeps a rate that no adoption informs from going to zero.
const priorMass = 0.5

// sharePriorMass is the weight, in adoptions, of the prior on each cue
// share (ExplicitShare, Misnamed, Cite, CiteOther): a store of a few dozen
// reports, where a handful of adoptions name their source, keeps shares
// near the defaults; a corpus of thousands is not moved by it.
const sharePriorMass = 50

// class is a set of candidates of one target that weigh the same: same
// kind, lag, honour and cue.
type class struct {
	c     candidate
	count float64
}

type fitMech struct {
	targets [][]class // adopters after the first year, their candidates
	cites   [][]bool  // per target, per document class in targets: cited
	// exposure: place-years at risk from each adopter, per path kind,
	// honour (0, 1) and lag (0 the adopter's own year, see prepare)
	x       [numKinds][2][]float64
	inn     float64 // place-years at risk, for innovation
	doc     float64 // place-years at risk in a document's scope
	alpha   float64 // attractiveness
	nTarget float64
}

// Fit estimates the weights from the events of all mechanisms by maximum
// likelihood (see the package doc): expectation–maximisation over the
// latent source of each adoption, with closed-form updates for the rates,
// the honour boost, innovation, documents, the cue shares and each
// mechanism's attractiveness, and a one-dimensional search for the decay.
// Places the events name but the places do not are added, related to every
// other place only nationally. Fitting takes time linear in the pairs of
// adopters of each mechanism per iteration; store the result and pass it to
// NewModel or Options.Params.
func Fit(places []Place, events []Event, o FitOptions) Params {
	codes := make([]string, 0, len(events))
	last := o.LastYear
	for _, e := range events {
		codes = append(codes, e.Place)
		if o.LastYear == 0 {
			last = max(last, e.Year)
		}
	}
	h := newHierarchy(places).with(codes)
	io := Options{LastYear: last, IgnoreCues: o.IgnoreCues, IgnoreDocuments: o.IgnoreDocuments}
	byMech, names := byMechanism(events)

	totals := make(map[int][numKinds]float64)
	var ms []*fitMech
	for _, n := range names {
		c := newCascade(h, n, byMech[n], io)
		if len(c.adopters) == 0 {
			continue
		}
		ms = append(ms, prepare(h, c, last, totals))
	}
	w := o.Start.weights()
	prior := w
	maxIt := o.MaxIterations
	if maxIt <= 0 {
		maxIt = 200
	}
	tol := o.Tolerance
	if tol <= 0 {
		tol = 1e-5
	}
	for range maxIt {
		next := step(ms, w, prior, o.IgnoreCues)
		done := converged(w, next, tol)
		w = next
		if done {
			break
		}
	}
	return w.params(o.Start)
}

// prepare gathers one mechanism's targets (its adopters after the first
// year: the first year's are given, not explained) with their candidates
// grouped into classes, and its exposures.
func prepare(h *hierarchy, c *cascade, last int, totals map[int][numKinds]float64) *fitMech {
	m := &fitMech{alpha: 1}
	span := last - c.first + 1
	for k := range numKinds {
		for a := range 2 {
			m.x[k][a] = make([]float64, span+1)
		}
	}
	for i := range c.adopters {
		if c.adopters[i].year <= c.first {
			continue
		}
		var cl []class
		var cited []bool
		c.candidates(h, i, func(x candidate) {
			key := x
			key.src, key.at, key.count = -1, "", 0
			if x.kind == kDocument {
				cl = append(cl, class{c: key, count: 1})
				cited = append(cited, x.cue)
				return
			}
			for j := range cl {
				if cl[j].c == key {
					cl[j].count += float64(x.count)
					return
				}
			}
			cl = append(cl, class{c: key, count: float64(x.count)})
		})
		m.targets = append(m.targets, cl)
		m.cites = append(m.cites, cited)
	}
	m.nTarget = float64(len(m.targets))

	// at risk from each adopter s: every place it relates to by kind k,
	// less those adopted before (half those adopting in the year itself)
	n := len(h.places)
	byYear := make([][numKinds]float64, span)
	for s := range c.adopters {
		a := &c.adopters[s]
		tot, ok := totals[a.idx]
		if !ok {
			for t := range n {
				if t != a.idx {
					tot[h.kind(a.idx, t)]++
				}
			}
			totals[a.idx] = tot
		}
		clear(byYear)
		for t := range c.adopters {
			if t != s {
				byYear[c.adopters[t].year-c.first][h.kind(a.idx, c.adopters[t].idx)]++
			}
		}
		award := 0
		if a.awarded {
			award = 1
		}
		// its own year: a place adopting later was exposed from the
		// moment it adopted, half a year on average; one adopting the same
		// year, for the time between if it came second: a sixth. Tie
		// scales the half (the weight of a same-year source at the
		// moment of adoption is Tie·Rate, its exposure 2·Tie·Rate·time),
		// so these count 1 and 1/3.
		var before [numKinds]float64
		for y := c.first; y < a.year; y++ {
			for k := range numKinds {
				before[k] += byYear[y-c.first][k]
			}
		}
		own := byYear[a.year-c.first]
		for k := range numKinds {
			m.x[k][award][0] += tot[k] - before[k] - own[k] + own[k]/3
			before[k] += own[k]
		}
		// later years: a full year at risk, half the year of adoption
		for y := a.year + 1; y <= last; y++ {
			at := byYear[y-c.first]
			for k := range numKinds {
				m.x[k][award][y-a.year] += tot[k] - before[k] - at[k]/2
				before[k] += at[k]
			}
		}
	}
	// innovation and documents
	newIn := make([]float64, span)
	for _, a := range c.adopters {
		newIn[a.year-c.first]++
	}
	adopted := newIn[0]
	for y := c.first + 1; y <= last; y++ {
		m.inn += float64(n) - adopted - newIn[y-c.first]/2
		adopted += newIn[y-c.first]
	}
	for d := range c.docs {
		doc := &c.docs[d]
		scope := 0.0
		if doc.level == DocNational || doc.level == "" {
			scope = float64(n)
		} else if doc.level == DocProvince {
			for p := range doc.provinces {
				scope += float64(h.provinceSize[p])
			}
		} else {
			scope = float64(len(doc.citers))
		}
		inScope := make([]float64, span)
		for i, a := range c.adopters {
			if doc.citers[i] || doc.inScope(h, a.idx) {
				inScope[a.year-c.first]++
			}
		}
		gone := 0.0
		for y := c.first; y <= last; y++ {
			at := inScope[y-c.first]
			if y > c.first && y >= doc.year {
				m.doc += max(0, scope-gone-at/2)
			}
			gone += at
		}
	}
	return m
}

// step is one EM iteration: posterior sources under w, then the weights
// that maximise the expected log-likelihood.
func step(ms []*fitMech, w, prior weights, ignoreCues bool) weights {
	g := newWeigher(w, 0, ignoreCues, 64)
	var (
		r       [numKinds][2][]float64 // posterior mass by kind, honour, lag
		rInn    float64
		rDoc    float64
		src     float64 // mass on place sources
		srcCue  float64 // … named by a cue
		non     float64 // mass on place candidates that are not the source
		nonCue  float64 // … named by a cue
		dSrc    float64 // mass on documents as source
		dSrcCue float64 // … cited
		dNon    float64
		dNonCue float64
	)
	span := 1
	for _, m := range ms {
		span = max(span, len(m.x[0][0]))
	}
	for k := range numKinds {
		for a := range 2 {
			r[k][a] = make([]float64, span)
		}
	}
	ws := make([]float64, 0, 64)
	for _, m := range ms {
		for ti, cl := range m.targets {
			ws = ws[:0]
			sum := 0.0
			for _, x := range cl {
				v := g.weight(x.c) * x.count
				ws = append(ws, v)
				sum += v
			}
			if sum <= 0 {
				continue
			}
			d := 0
			for j, x := range cl {
				p := ws[j] / sum
				switch x.c.kind {
				case kSeed:
					rInn += p
				case kDocument:
					rDoc += p
					dSrc += p
					dNon += 1 - p
					if m.cites[ti][d] {
						dSrcCue += p
						dNonCue += 1 - p
					}
					d++
				default:
					src += p
					non += x.count - p
					if x.c.cue {
						srcCue += p
						nonCue += x.count - p
					}
					if !x.c.outside && x.c.lag < span {
						a := 0
						if x.c.award {
							a = 1
						}
						r[x.c.kind][a][x.c.lag] += p
					}
				}
			}
		}
	}

	next := w
	// the cue shares, each with the prior's share worth sharePriorMass
	// adoptions
	share := func(hits, all, prior float64) float64 {
		return (hits + sharePriorMass*prior) / (all + sharePriorMass)
	}
	if !ignoreCues {
		next.explicit = clamp(share(srcCue, src, prior.explicit), 0.01, 0.99)
		next.misnamed = clamp(share(nonCue, non, prior.misnamed), MinMisnamed, 0.5)
	}
	next.cite = clamp(share(dSrcCue, dSrc, prior.cite), 0.01, 0.99)
	next.citeOther = clamp(share(dNonCue, dNon, prior.citeOther), 0.01, 0.99)

	// exposures weighted by attractiveness
	var x [numKinds][2][]float64
	for k := range numKinds {
		for a := range 2 {
			x[k][a] = make([]float64, span)
			for _, m := range ms {
				for l, v := range m.x[k][a] {
					x[k][a][l] += m.alpha * v
				}
			}
		}
	}
	var rk [numKinds]float64
	lagMass, tieMass, boostMass := 0.0, 0.0, 0.0 // Σ r·(lag-1) over lags ≥ 1; Σ r at lag 0; Σ r on honoured
	for k := range numKinds {
		for a := range 2 {
			for l, v := range r[k][a] {
				rk[k] += v
				if l == 0 {
					tieMass += v
				} else {
					lagMass += v * float64(l-1)
				}
				if a == 1 {
					boostMass += v
				}
			}
		}
	}
	// exposure of kind k under lag weights Tie, 1, decay, decay², …
	exposure := func(k int, decay, tie, boost float64) float64 {
		e := 0.0
		for a, f := range [2]float64{1, boost} {
			v := x[k][a]
			sum, p := tie*v[0], 1.0
			for _, y := range v[1:] {
				sum += y * p
				p *= decay
			}
			e += f * sum
		}
		return e
	}
	// rates given decay, tie and boost; the decay maximises the profile
	// likelihood
	rates := func(decay float64) [numKinds]float64 {
		var out [numKinds]float64
		for k := range numKinds {
			out[k] = (rk[k] + priorMass) / (exposure(k, decay, w.tie, w.awardBoost) + priorMass/prior.rate[k])
		}
		return out
	}
	profile := func(decay float64) float64 {
		th := rates(decay)
		ll := lagMass * math.Log(decay)
		for k := range numKinds {
			// Σ r log θ − θ·exposure, and θ·exposure (prior included)
			// is r + priorMass whatever the decay
			ll += (rk[k] + priorMass) * math.Log(th[k])
		}
		return ll
	}
	next.decay = goldenMax(profile, 0.02, 1.5, 1e-4)
	next.rate = rates(next.decay)
	// tie and honour boost given the rates and decay
	tieX, boostX := priorMass/prior.tie, priorMass/1.0
	for k := range numKinds {
		tieX += next.rate[k] * (x[k][0][0] + w.awardBoost*x[k][1][0])
		boostX += next.rate[k] * (exposure(k, next.decay, w.tie, 1) - exposure(k, next.decay, w.tie, 0))
	}
	next.tie = clamp((tieMass+priorMass)/tieX, 0.01, 10)
	if boostMass > 0 {
		next.awardBoost = clamp((boostMass+priorMass)/boostX, 0.1, 100)
	}
	inn, doc := priorMass/prior.innovation, priorMass/prior.document
	for _, m := range ms {
		inn += m.alpha * m.inn
		doc += m.alpha * m.doc
	}
	next.innovation = (rInn + priorMass) / inn
	next.document = (rDoc + priorMass) / doc

	// attractiveness per mechanism: its adoptions over its expected ones
	logSum, n := 0.0, 0
	for _, m := range ms {
		lambda := next.innovation*m.inn + next.document*m.doc
		for k := range numKinds {
			for a, f := range [2]float64{1, next.awardBoost} {
				v := m.x[k][a]
				sum, p := next.tie*v[0], 1.0
				for _, y := range v[1:] {
					sum += y * p
					p *= next.decay
				}
				lambda += f * next.rate[k] * sum
			}
		}
		m.alpha = (m.nTarget + priorMass) / (lambda + priorMass)
		if m.nTarget > 0 {
			logSum += math.Log(m.alpha)
			n++
		}
	}
	// scale: attractiveness averages 1 (geometrically), the rates carry
	// the level
	if n > 0 {
		s := math.Exp(logSum / float64(n))
		for _, m := range ms {
			m.alpha /= s
		}
		for k := range numKinds {
			next.rate[k] *= s
		}
		next.innovation *= s
		next.document *= s
	}
	return next
}

// goldenMax returns the x in [lo, hi] at which f, assumed unimodal, is
// largest.
func goldenMax(f func(float64) float64, lo, hi, tol float64) float64 {
	const phi = 0.6180339887498949
	a, b := lo, hi
	c, d := b-phi*(b-a), a+phi*(b-a)
	fc, fd := f(c), f(d)
	for b-a > tol {
		if fc > fd {
			b, d, fd = d, c, fc
			c = b - phi*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + phi*(b-a)
			fd = f(d)
		}
	}
	return (a + b) / 2
}

func converged(a, b weights, tol float64) bool {
	close := func(x, y float64) bool { return math.Abs(x-y) <= tol*math.Max(math.Abs(x), 1e-12) }
	for k := range numKinds {
		if !close(a.rate[k], b.rate[k]) {
			return false
		}
	}
	return close(a.decay, b.decay) && close(a.tie, b.tie) && close(a.innovation, b.innovation) && close(a.document, b.document) &&
		close(a.explicit, b.explicit) && close(a.misnamed, b.misnamed) && close(a.cite, b.cite) &&
		close(a.citeOther, b.citeOther) && close(a.awardBoost, b.awardBoost)
}
