// Package diffusion infers how working mechanisms spread between
// jurisdictions from the years each reports them: who most likely learned a
// mechanism from whom. It works on adoption events alone (a place, a
// mechanism, the year of the first report that states it, and what the
// reports say about where it came from); the graph package derives the
// events from stored reports and stores the results.
//
// # The model
//
// The model is a cascade model in the manner of NetRate (Gomez-Rodriguez,
// Balduzzi and Schölkopf, 2011), cut to yearly reports. A place that has not
// adopted mechanism m feels, in year y, the hazard
//
//	a_m · ( Innovation
//	      + Document                                 for each document in force for it
//	      + Σ_s Rate[path(s, place)] · lag(y − y_s) · boost(s)   for each adopter s )
//
// where a_m is the mechanism's attractiveness (fitted, and of no
// consequence for who learned from whom), boost(s) is AwardBoost if s was
// honoured for the mechanism and 1 otherwise, and
//
//	lag(L) = Decay^(L−1)  for L ≥ 1 years,   lag(0) = Tie.
//
// The path is how the two places relate in the administrative hierarchy:
// parent → child (a city to its county), child → parent, siblings (two
// counties of one city), province (any other pair in one province, a
// province to its counties included) and national (across provinces).
//
// Given that a place adopted in year y, the chance that a given term
// brought it is the term's share of the total, times the likelihood ratio
// of what the reports say (below): that posterior is each candidate's
// Score. So scores of one adopter's candidates sum to at most 1; Spread
// keeps the TopK best (the best always, the others if they reach
// MinScore), and the seed candidate (innovation) is one of them.
//
// # Ties
//
// Reports give years, and many places report a mechanism the same year. A
// same-year adopter is a candidate with weight Rate·Tie (it came first
// about half the time, and then had part of the year to pass the mechanism
// on), so the likelihood accounts for within-year spread; but since no
// report says which came first, no edge is drawn between same-year
// adopters unless a cue names one as the other's source. Their share of
// the posterior is reported as Adoption.Tied and left out of the edges.
// Input order never matters: adopters are ordered by year, then code.
//
// # Cues
//
// A report may name its source (学习借鉴, 复制推广: LearnedFrom; 在全市推广,
// 在全省推广: PromotedBy; the source's own 被…采纳: AdoptedBy, on the
// source's event). A transmitted adoption names its true source with chance
// ExplicitShare, and names a given other candidate with chance Misnamed
// (never below MinMisnamed), so a named candidate's weight is multiplied by
// ExplicitShare/Misnamed and every unnamed one by
// (1−ExplicitShare)/(1−Misnamed): strong evidence, not proof. An adopter
// honoured for the mechanism (Awarded: an award that names it) exerts
// AwardBoost times the hazard on others. A named place that adopted later
// than the target is ignored; one with no event of its own is a candidate
// all the same, with the weight of a source of the year before.
//
// # Common causes
//
// A document that calls for the mechanism (a national 纲要, a provincial
// 条例) is a candidate source, not a link between the places that follow
// it: adoptions it explains are attributed to it. Documents are known from
// the Cited cues: a national one (or one of unknown level) is in force
// everywhere, a provincial one in the provinces of the places that cite
// it, from its year (Cue.Year, else the first year it is cited). An
// adoption the document caused cites it with chance Cite, another in its
// scope with chance CiteOther; the document's weight is multiplied by
// Cite/CiteOther for a citer and by (1−Cite)/(1−CiteOther) for anyone else
// in scope. Options.IgnoreDocuments turns common causes off.
//
// # Fitting
//
// Fit estimates every weight from the events of all mechanisms, so results
// do not depend on hand-set values: it maximises the likelihood of the
// adoption years (the hazards above integrated over the years each place
// was at risk, an adoption's own year counting half) and of the cues, by
// expectation–maximisation over the latent source of each adoption. The
// E-step computes the posteriors above; the M-step sets each rate to the
// expected number of transmissions along its path kind over the
// attractiveness-weighted exposure (place-years at risk, discounted by
// lag), the decay by a one-dimensional search of the profile likelihood,
// Tie, AwardBoost, Innovation, Document and each mechanism's
// attractiveness likewise in closed form, and the cue shares as expected
// proportions. A weak prior (half an adoption's worth, centred on
// DefaultParams or FitOptions.Start) keeps rates no adoption informs from
// vanishing. The first year of each mechanism is given, not explained: its
// adopters are its origins. Far-apart places weigh alike, so adopters in
// other provinces are handled in classes by year and honour; this is what
// keeps inference for one mechanism linear in practice. Innovation and
// national transmission look much alike in yearly data, and the fit tends
// to prefer the first.
//
// Fitting takes about a tenth of a second for a few thousand adoptions;
// do it once after ingest, store the Params, and build a Model with them:
// Model.Spread then answers one mechanism in a millisecond or so.
//
// # Evaluation
//
// Simulate plants cascades with known sources (quarter by quarter, so that
// same-year transmissions happen as they do in reality); Ceiling infers
// with the true weights (Params.Yearly) and Baseline takes, for each
// adopter, the earliest earlier adopter of its province. Evaluate compares
// each adopter's best predicted source with the true one: a link is a
// source that is a place or a document, a seed is no link; a predicted
// link is correct if kind and code (or title) match; precision, recall and
// F1 are over links, and also reported for place and document links apart,
// with the accuracy over all adoptions (a seed predicted as a seed is
// right) and the recall of the true links among all candidates.
//
// # Analytics
//
// Leaders scores places as early or late adopters across mechanisms,
// CoAdoption finds mechanisms that travel together (counts, lift, and
// which came first), and RollUp gathers a family's members into one
// mechanism.
package diffusion
