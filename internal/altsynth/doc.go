// Package altsynth generates synthetic corpora of rule-of-law government
// reports (法治政府建设年度报告) with planted diffusion cascades, in the
// on-disk layout of package synth (so synth.LoadTruth reads them), but
// written apart from synth and from the extractor: its own places, phrasing,
// sentence patterns, cue wordings, formatting quirks and model weights.
//
// It exists to test that the extractor and the diffusion inference
// generalise beyond the generator they were measured on:
// TestExtractorOnIndependentCorpus scores extraction against its truth (by
// sentence pattern, format, mechanism, surface and cue wording), and
// internal/synth's pipeline test infers its cascades beside the ceiling and
// the baseline.
package altsynth
