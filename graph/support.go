package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
)

// Edge returns the edge of a kind from source to target, nil when the
// graph holds none.
func (s *Store) Edge(ctx context.Context, kind EdgeKind, source, target ID) (*Edge, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Edge(%s %s→%s): %w", kind, source, target, err)
	}
	w := s.newWalk(View{})
	for _, end := range []ID{source, target} {
		e := s.cat.entries[end]
		if e == nil {
			continue
		}
		for _, edge := range w.edgesOf(e) {
			if edge.Kind == kind && edge.Source == source && edge.Target == target {
				finish(&edge)
				return &edge, nil
			}
		}
	}
	return nil, nil
}

// Support returns what states an edge: the evidence sentences (their IDs,
// ordered by report and sentence) and the reports. An adoption's are its
// sentences and reports; a report's mention of an entity, the report's
// sentences naming it; a description (a place's parent, a mechanism's
// bodies …), the reports whose descriptions state it and the sentences
// naming both ends.
func (s *Store) Support(ctx context.Context, e Edge) (evidence, reports []ID, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("graph.Support(%s): %w", e.Key(), err)
		}
	}()
	switch e.Kind {
	case EdgeAdopted:
		as, err := s.Adoptions(ctx, e.Adoptions)
		if err != nil {
			return nil, nil, err
		}
		for _, a := range as {
			if a == nil {
				continue
			}
			evidence = append(evidence, a.EvidenceIDs...)
			if !slices.Contains(reports, a.ReportID) {
				reports = append(reports, a.ReportID)
			}
		}
		sortIDs(evidence)
		sortIDs(reports)
		return slices.Compact(evidence), reports, nil
	case EdgeMentions:
		linked, err := s.Linked(ctx, Mentions, []ID{e.Target})
		if err != nil {
			return nil, nil, err
		}
		prefix := string(KindEvidence) + "/" + strings.TrimPrefix(string(e.Source), string(KindReport)+"/") + "/"
		for _, ev := range linked[0] {
			if strings.HasPrefix(string(ev), prefix) {
				evidence = append(evidence, ev)
			}
		}
		return evidence, []ID{e.Source}, nil
	}
	pred := predicateOf(e.Kind)
	if pred == "" {
		return nil, nil, fmt.Errorf("unknown kind of edge %q", e.Kind)
	}
	s.mu.RLock()
	found, err := s.scan(ctx, quad.Subject, []quad.Value{e.Source.IRI()}, pred)
	s.mu.RUnlock()
	if err != nil {
		return nil, nil, err
	}
	for _, q := range found[0] {
		if id, ok := idOf(q.Object); ok && id == e.Target {
			if r, ok := idOf(q.Label); ok && !slices.Contains(reports, r) {
				reports = append(reports, r)
			}
		}
	}
	sortIDs(reports)
	linked, err := s.Linked(ctx, Mentions, []ID{e.Source, e.Target})
	if err != nil {
		return nil, nil, err
	}
	for _, ev := range linked[0] {
		if slices.Contains(linked[1], ev) {
			evidence = append(evidence, ev)
		}
	}
	return evidence, reports, nil
}
