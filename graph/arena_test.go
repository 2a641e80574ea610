package graph

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestArenaClipsItsSlices(t *testing.T) {
	var a refArena[int]
	rx, x := a.alloc(2)
	ry, y := a.alloc(3)
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
	if got := a.get(rx); !slices.Equal(got, []int{1, 2}) || cap(got) != 2 {
		t.Errorf("get(alloc(2)) = %v (cap %d), want [1 2]", got, cap(got))
	}
	if got := a.get(ry); len(got) != 3 || &got[0] != &y[0] {
		t.Errorf("get(alloc(3)) = %v, not the slice alloc returned", got)
	}
	if r, s := a.alloc(0); r != 0 || s != nil || a.get(0) != nil {
		t.Error("alloc(0) or get(0) is not empty")
	}
	rb, big := a.alloc(arenaChunkBytes) // larger than an eighth of a chunk: a chunk of its own
	if len(big) != arenaChunkBytes || cap(big) != arenaChunkBytes {
		t.Errorf("alloc of a large slice: len %d cap %d", len(big), cap(big))
	}
	big[len(big)-1] = 7
	rz, z := a.alloc(1) // still from the chunk of x and y
	z[0] = 9
	if got := a.get(rb); len(got) != arenaChunkBytes || got[len(got)-1] != 7 {
		t.Error("get of the large slice lost it")
	}
	if got := a.get(rz); !slices.Equal(got, []int{9}) || &got[0] == &big[0] {
		t.Errorf("get of a slice allocated after a large one = %v", got)
	}
}

func TestStringArena(t *testing.T) {
	var a stringArena
	var ins, outs []string
	var refs []ref
	for i := range 5000 { // spans several chunks
		s := strings.Repeat("机制", i%40) + string(rune('a'+i%26))
		if i == 2500 {
			s = strings.Repeat("长", arenaChunkBytes/3) // a chunk of its own
		}
		r, c := a.put(s)
		ins, outs, refs = append(ins, s), append(outs, c), append(refs, r)
	}
	for i := range ins {
		if outs[i] != ins[i] || a.string(refs[i]) != ins[i] {
			t.Fatalf("put(%.20q) = %.20q, string of its ref %.20q", ins[i], outs[i], a.string(refs[i]))
		}
	}
	if r, s := a.put(""); r != 0 || s != "" || a.string(0) != "" || a.str("") != "" {
		t.Error(`put("") is not the zero ref and ""`)
	}
}

func TestSlabReusesWhatIsPut(t *testing.T) {
	var s slab[adoptRec]
	seen := map[int32]bool{}
	var ps []int32
	for range slabChunk + 10 {
		i := s.new()
		if seen[i] {
			t.Fatal("new returned an index it had returned before")
		}
		if *s.at(i) != (adoptRec{}) {
			t.Fatalf("new returned a used value: %+v", *s.at(i))
		}
		seen[i] = true
		s.at(i).year = 2023
		ps = append(ps, i)
	}
	addr := s.at(ps[3])
	s.put(ps[3])
	if *s.at(ps[3]) != (adoptRec{}) {
		t.Errorf("put left %+v", *s.at(ps[3]))
	}
	if i := s.new(); i != ps[3] || s.at(i) != addr {
		t.Error("new did not reuse the value put back")
	}
	if i := s.new(); seen[i] {
		t.Error("new returned a live value")
	}
	for _, i := range ps {
		if i != ps[3] && s.at(i).year != 2023 {
			t.Fatalf("a live value changed: %+v", *s.at(i))
		}
	}
}

// The slab of adoptions is memory the garbage collector does not scan only
// as long as an adoptRec holds no pointer.
func TestAdoptRecHoldsNoPointers(t *testing.T) {
	typ := reflect.TypeFor[adoptRec]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		switch f.Type.Kind() {
		case reflect.Bool, reflect.Int32, reflect.Uint32, reflect.Uint64:
		default:
			t.Errorf("adoptRec.%s is a %s, which the collector would scan", f.Name, f.Type)
		}
	}
}
