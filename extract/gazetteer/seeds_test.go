package gazetteer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// seedsDir holds real reports, beside the repository; tests using them skip
// when it is absent.
const seedsDir = "../../../shared"

// TestSeeds scans the real reports with their reporting jurisdiction as
// scope and checks that every jurisdiction the annotations name, and the
// gazetteer knows, is found.
func TestSeeds(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(seedsDir, "gold", "seeds", "*.json"))
	if len(golds) == 0 {
		t.Skip("no annotated reports in " + seedsDir)
	}
	g := Default()
	known, found := 0, 0
	for _, gold := range golds {
		id := strings.TrimSuffix(filepath.Base(gold), ".json")
		text, err := os.ReadFile(filepath.Join(seedsDir, "seeds", id+".txt"))
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		var ann struct {
			Jurisdiction  string   `json:"jurisdiction"`
			Jurisdictions []string `json:"jurisdictions"`
		}
		data, err := os.ReadFile(gold)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &ann); err != nil {
			t.Fatalf("%s: %v", gold, err)
		}
		scope := g.ByFullName(ann.Jurisdiction)
		if scope == nil {
			t.Errorf("%s: reporting jurisdiction %s unknown", id, ann.Jurisdiction)
		}
		var places []*Place
		for _, m := range g.Scan(string(text), scope) {
			places = append(places, m.Places...)
		}
		for _, name := range ann.Jurisdictions {
			p := resolve(g, name)
			if p == nil {
				t.Logf("%s: %s is not in the gazetteer", id, name)
				continue
			}
			known++
			// A place counts as found when it or a place under it is:
			// 经开区塘汇街道 names 嘉兴经济技术开发区 through 塘汇街道.
			if slices.ContainsFunc(places, func(q *Place) bool { return q.Within(p) }) {
				found++
			} else {
				t.Errorf("%s: %s not found in the text", id, name)
			}
		}
	}
	t.Logf("%d of %d annotated jurisdictions known to the gazetteer found", found, known)
}

// resolve finds a place by a full name whose last part may be an alias
// (浙江省嘉兴市秀洲区嘉兴高新区).
func resolve(g *Gazetteer, full string) *Place {
	if p := g.ByFullName(full); p != nil {
		return p
	}
	for i := range full {
		parent := g.ByFullName(full[:i])
		if parent == nil {
			continue
		}
		for _, p := range g.Lookup(full[i:]) {
			if p.Parent == parent {
				return p
			}
		}
	}
	return nil
}
