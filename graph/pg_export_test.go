package graph

import (
	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/fazhikg/fazhikg/extract"
)

// LoggedCatalogues returns the catalogue of the reports added, then those
// of deleted removed, twice: from every quad, and from the quads
// fazhikg_log keeps of them, encoded and decoded, as a process sharing a
// database replays them.
func LoggedCatalogues(added, deleted []*extract.Report) (all, logged string, err error) {
	var deltas []cgraph.Delta
	for _, rs := range []struct {
		reports []*extract.Report
		action  cgraph.Procedure
	}{{added, cgraph.Add}, {deleted, cgraph.Delete}} {
		for _, r := range rs.reports {
			qs, err := reportQuads(r)
			if err != nil {
				return "", "", err
			}
			deltas = appendDeltas(deltas, qs, rs.action)
		}
	}
	data, err := encodeDeltas(deltas)
	if err != nil {
		return "", "", err
	}
	replayed, err := decodeDeltas(data)
	if err != nil {
		return "", "", err
	}
	if len(replayed) == 0 || len(replayed) == len(deltas) {
		return "", "", errBadLog // the log should keep some quads, not all
	}
	catalogueOf := func(ds []cgraph.Delta) string {
		c := newCatalogue()
		for _, d := range ds {
			c.apply(d.Quad, int(d.Action))
		}
		return dump(c)
	}
	return catalogueOf(deltas), catalogueOf(replayed), nil
}
