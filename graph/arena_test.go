package graph

import (
	"strings"
	"testing"
)

func TestArenaClipsItsSlices(t *testing.T) {
	var a arena[int]
	x := a.alloc(2)
	y := a.alloc(3)
	if len(x) != 2 || cap(x) != 2 || len(y) != 3 || cap(y) != 3 {
		t.Fatalf("alloc(2), alloc(3) = len %d cap %d, len %d cap %d; want capacities clipped to lengths", len(x), cap(x), len(y), cap(y))
	}
	x[0], x[1] = 1, 2
	x = append(x, 3) // must copy out of the arena, not overwrite y
	if y[0] != 0 {
		t.Errorf("appending to one arena slice wrote %d into the next", y[0])
	}
	if x[2] != 3 || &x[0] == &y[0] {
		t.Errorf("append = %v", x)
	}
	if a.alloc(0) != nil {
		t.Error("alloc(0) is not nil")
	}
	big := a.alloc(arenaChunkBytes) // larger than an eighth of a chunk: its own allocation
	if len(big) != arenaChunkBytes || cap(big) != arenaChunkBytes {
		t.Errorf("alloc of a large slice: len %d cap %d", len(big), cap(big))
	}
}

func TestStringArena(t *testing.T) {
	var a stringArena
	var ins, outs []string
	for i := range 5000 { // spans several chunks
		s := strings.Repeat("机制", i%40) + string(rune('a'+i%26))
		ins = append(ins, s)
		outs = append(outs, a.str(s))
	}
	for i := range ins {
		if outs[i] != ins[i] {
			t.Fatalf("str(%q) = %q", ins[i], outs[i])
		}
	}
	if a.str("") != "" {
		t.Error(`str("") is not ""`)
	}
}

func TestSlabReusesWhatIsPut(t *testing.T) {
	var s slab[adopted]
	seen := map[*adopted]bool{}
	var ps []*adopted
	for range slabChunk + 10 {
		p := s.new()
		if seen[p] {
			t.Fatal("new returned a pointer it had returned before")
		}
		if p.id != "" || p.year != 0 {
			t.Fatalf("new returned a used value: %+v", *p)
		}
		seen[p] = true
		p.id, p.year = "adoption/x", 2023
		ps = append(ps, p)
	}
	s.put(ps[3])
	if ps[3].id != "" || ps[3].year != 0 {
		t.Errorf("put left %+v", *ps[3])
	}
	if p := s.new(); p != ps[3] {
		t.Error("new did not reuse the value put back")
	}
	if p := s.new(); seen[p] {
		t.Error("new returned a live value")
	}
	for _, p := range ps {
		if p != ps[3] && (p.id != "adoption/x" || p.year != 2023) {
			t.Fatalf("a live value changed: %+v", *p)
		}
	}
}
