package graph

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// WriteNQuads writes every quad of the store to w as N-Quads, report by
// report in the order of their IDs, each report's quads sorted, then the
// derived results (labelled DiffusionID), if Derive stored any. Every
// extracted quad carries its report as label, so the output holds the whole
// store and is the same whatever the backend.
func (s *Store) WriteNQuads(ctx context.Context, w io.Writer) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return fmt.Errorf("graph.WriteNQuads: %w", err)
	}
	var reports []ID
	for id := range s.cat.entries {
		if id.Kind() == KindReport {
			reports = append(reports, id)
		}
	}
	sort.Slice(reports, func(i, j int) bool { return reports[i] < reports[j] })
	reports = append(reports, DiffusionID)
	enc := nquads.NewWriter(w)
	for _, id := range reports {
		found, err := s.scan(ctx, quad.Label, []quad.Value{id.IRI()}, "")
		if err != nil {
			return fmt.Errorf("graph.WriteNQuads(%s): %w", id, err)
		}
		qs := found[0]
		sort.Slice(qs, func(i, j int) bool { return lessQuad(qs[i], qs[j]) })
		if _, err := enc.WriteQuads(qs); err != nil {
			return fmt.Errorf("graph.WriteNQuads: %w", err)
		}
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("graph.WriteNQuads: %w", err)
	}
	return nil
}
