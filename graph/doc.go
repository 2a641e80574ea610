// Package graph is the knowledge graph of rule-of-law government reports,
// kept in a Cayley quad store. It is the only package that imports Cayley.
//
// # Writing
//
// PutReport turns one extract.Report into quads and writes them in one
// transaction; PutReports writes several in one. Every quad a report writes
// carries the report's IRI as its label, entity descriptions included: each
// report writes its own copy of the facts it relies on about a shared entity
// (its type, name, aliases, level, parent …). So DeleteReport removes
// exactly the quads labelled with the report, no fact is left dangling, and
// a shared entity lives as long as one report describes it. Putting a report
// again under the same Name and Hash writes nothing (Unchanged); under a new
// Hash, the quads the new version no longer states are deleted and the new
// ones added in the same transaction (Replaced).
//
// # Nodes and IDs
//
// A node's IRI is NodeBase followed by its ID, the node's kind and key:
//
//	report/<Name>                          extract.Report.Name
//	jurisdiction/<code>                    statistical division code
//	jurisdiction/~<folded full name>       a place without a code
//	body/<folded name>                     resolved full name (秀洲区人民法院)
//	mechanism/<folded canonical name>      府检联动
//	document/<folded normalised title>     中华人民共和国行政复议法
//	award/<folded name>/<folded recipient>/<year>
//	person/<folded name>/<folded body or role>
//	evidence/<report Name>/<sentence index>
//	adoption/<report Name>/<mechanism key>
//
// Keys are folded with Fold (simplified, narrow, lower-case, without spaces
// or punctuation), so that 府檢聯席 and 府检联席, or one title with two kinds
// of dashes, name one node. Segments are escaped only where an IRI or the
// ID's slashes require it: Chinese stays readable.
//
// # Vocabulary
//
// Classes and predicates live under VocabBase (fz: below); rdf:type is the
// only outside term. Objects are literals unless they name a node.
//
//	subject        predicate        object
//	every entity   rdf:type         fz:Report, fz:Jurisdiction, fz:Body, fz:Mechanism,
//	                                fz:Document, fz:Award, fz:Person
//	every entity   fz:name          canonical name (documents: normalised title)
//	every entity   fz:alias         another name, or a surface form as written
//	report         fz:title fz:year fz:published fz:source fz:hash fz:format
//	               fz:encoding fz:issuer fz:indexNo
//	report         fz:jurisdiction  jurisdiction (the reporting one)
//	jurisdiction   fz:code fz:fullName fz:level
//	jurisdiction   fz:parent        jurisdiction
//	body           fz:kind          法院, 检察院, 司法局 … (extract.Kind…)
//	body           fz:locatedIn     jurisdiction
//	mechanism      fz:family        mechanism (the root of its family)
//	mechanism      fz:takesPart     body
//	mechanism      fz:known         true when from the lexicon
//	document       fz:kind fz:level
//	document       fz:issuer        body
//	award          fz:recipient fz:level fz:year
//	person         fz:role
//	person         fz:memberOf      body
//	evidence       rdf:type         fz:Evidence
//	evidence       fz:report        report
//	evidence       fz:sentence fz:text fz:start fz:end fz:status fz:section
//	evidence       fz:mentions      any entity the sentence states something about
//	adoption       rdf:type         fz:Adoption
//	adoption       fz:mechanism     mechanism
//	adoption       fz:adopter       jurisdiction (the report's)
//	adoption       fz:report        report
//	adoption       fz:year fz:status
//	adoption       fz:evidence      evidence
//	adoption       fz:cue           "kind\tplace code\tdocument\tlevel": what the report
//	                                says of where the mechanism came from (学习借鉴, 在全市推广 …)
//
// Derived results, the diffusion model's (see Derive), are quads labelled
// with the IRI of DiffusionID, never mixed with a report's:
//
//	derived/diffusion  fz:params       the fitted weights (diffusion.Params, JSON)
//	derived/diffusion  fz:inputs       hash of the adoptions they were fitted to
//	transmission       rdf:type        fz:Transmission
//	transmission       fz:mechanism    mechanism (the root of the family)
//	transmission       fz:to fz:year   the adopter and its year
//	transmission       fz:sourceKind   place, document or seed (an innovation)
//	transmission       fz:from fz:fromYear fz:path   a source jurisdiction, its
//	                                   year, parent-child, siblings …
//	transmission       fz:fromDoc      a source document's title
//	transmission       fz:score        posterior probability; fz:explicit when a report says so
//
// Evidence nodes exist only for sentences that mention something; their
// offsets count characters of the report's text, as extract.Span does. An
// adoption is the analysts' central fact: the reporting jurisdiction names a
// mechanism in the year the report covers; its status (achieved, reported,
// planned) is the strongest of its sentences' (see AdoptionStatusOf).
//
// # Reading
//
// Cayley's query optimiser is not used: a multi-hop path over a large store
// costs seconds where the same hops taken one at a time from a known node
// cost milliseconds. Every read starts from known nodes and steps through
// the backend's index for one direction (Store.scan): a subject's quads, an
// object's quads for one predicate, or a label's quads. Reads take many IDs
// and return one result per ID, so that a caller resolving a list makes one
// call, not one per item.
//
// Lookups by name, entity reads, adoptions and filtered lists are answered
// from the catalogue, held in memory: for each entity, every value its
// descriptions state with the number of reports stating it, the reports
// describing it and the reports whose text mentions it; and every adoption,
// linked from its mechanism and its adopter. The catalogue is the sum of
// those quads: each committed write adds its new quads and subtracts its
// deleted ones, so it always equals the store. A single value read (a name,
// a level) is the one most reports state; lists (aliases) are the union.
// Lists sort each kind once after a write that changed it and filter in one
// pass, with no store read.
//
// An embedded store writes a snapshot of its catalogue to its data
// directory (catalogue.gob) at Close, stamped with the store's generation,
// a counter each write transaction increments along with its quads. Open
// reads the snapshot when its generation is the store's; otherwise (a crash
// before Close, a store written by another program, a damaged file) it adds
// up the description, mention and adoption quads again, reached from each
// class through the rdf:type quads, and writes a new snapshot.
//
// # Backends and transactions
//
// LevelDB is the default; Bolt is the other embedded backend; Memstore is
// in-memory. The names postgres and cockroach are reserved for Cayley's SQL
// backend. Both embedded backends keep the layout of Cayley's own, so that
// Cayley's tools open the data directory; the store brings its own drivers
// for them (leveldb.go, bolt.go). On LevelDB a transaction is one write
// batch (a single journal record, applied whole or not at all), where
// Cayley's driver writes a table file per transaction; on Bolt it is one
// Bolt transaction, on the maintained go.etcd.io/bbolt. On synthetic reports
// of real size (BenchmarkPut, 200 reports of ~3,900 quads), LevelDB wrote
// 40,000–46,000 quads/s one report per transaction and ~61,000 fifty per
// transaction, at ~330 KB per report on disk; Bolt 35,000 and ~47,000
// quads/s at 1.3–1.45 MB per report.
// Cayley 0.7.7's KV store needs two help here: it mishandles one ApplyDeltas
// that mixes additions and deletions (added quads lose the nodes whose use
// drops overall, their label among them), so a replace runs as two Cayley
// calls inside one key-value transaction (txKV); and it keeps caches that a
// failed transaction leaves wrong, so after a failure the store builds a
// fresh Cayley instance over the same database. A failed write leaves the
// store as it was. Cayley's in-memory Bloom filters (several hundred
// megabytes per open store) are turned off; LevelDB keeps its own per table.
//
// A store is safe for concurrent use: writes are serialised and exclude
// reads; reads run in parallel.
package graph
