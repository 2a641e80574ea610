// Package synth generates synthetic corpora of rule-of-law government
// reports (法治政府建设年度报告) with planted diffusion cascades, and writes
// the ground truth beside them: what the tests, the benchmarks and the
// demo run on, at any size.
//
// # What is generated
//
// Generate draws Options.Places real jurisdictions from the gazetteer in
// clusters — a few provinces, cities in them with their counties,
// districts and development zones — so that parents, siblings and
// provinces all matter. It takes Options.Mechanisms mechanisms: well-known
// ones first (府检联动, 府院联动, 枫桥经验, 首违不罚 …, each with the forms
// reports write it in and what it does), about a third invented
// (“三联三化”调解法). A third or so of the known ones have a national or
// provincial document calling for them: a common cause. The cascades are
// planted by diffusion.Simulate with the true weights (Options.Params,
// diffusion.DefaultParams by default), which also decides the cues: who
// names its source (学习借鉴XX经验, 按照XX部署), who cites the document, who
// is honoured for the mechanism.
//
// Each place then reports every year. Its report states the mechanisms it
// took up that year, with their cues, and some older ones again; a place
// names a mechanism its own way every year (a form of the catalogue, or a
// local variant such as “1+3”府检联动模式). Its plans for the next year name
// mechanisms it will take up later, now and then one it never will, and
// ones in place; its shortcomings may name one it lacks. Around them is the
// prose of the genre: leadership, services, decisions, enforcement,
// oversight, disputes, legal education, emergencies, with figures, bodies
// named relatively (县法院, 区检察院), documents, honours, people and local
// cases in the place's real townships. A mechanism is named only where the
// truth says: the filler never names one, and what is told of one
// mechanism never names another (the tests check it).
//
// Reports come in varied forms: nine title patterns, or none; metadata
// blocks in three layouts; portal breadcrumbs, print links and footers;
// HTML pages; GB18030 files; traditional characters (OpenCC's s2t, or
// s2tw) with “” or 「」; half-width punctuation; CRLF line endings;
// numbering by 一是, 1. or none. Shares sets how many.
//
// # Output
//
//	manifest.json          options, counts, the mechanisms and their documents
//	reports/<year>/<code>.txt|.html
//	truth/adoptions.jsonl  one Report per file: mechanisms achieved, planned, lacking
//	truth/edges.jsonl      the true source of every adoption (diffusion.TruthEdge)
//	truth/events.jsonl     the planted adoptions with their cues (diffusion.Event)
//	truth/places.jsonl     the places (diffusion.Place)
//	truth/params.json      the true weights (diffusion.Params)
//
// LoadTruth reads them back.
//
// # Reproducibility and size
//
// The same options and seed give byte-identical output, whatever
// Options.Workers: every report draws from its own random stream, seeded
// by the seed, the place and the year. Reports are rendered in parallel in
// batches and written as they are done, so memory holds the planted events
// and one batch of reports, not the corpus.
package synth
