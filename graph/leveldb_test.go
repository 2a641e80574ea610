package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hidal-go/hidalgo/kv/flat"
)

func put(t *testing.T, tx flat.Tx, k, v string) {
	t.Helper()
	if err := tx.Put(flat.Key(k), flat.Value(v)); err != nil {
		t.Fatal(err)
	}
}

func scanAll(t *testing.T, tx flat.Tx, prefix string) []string {
	t.Helper()
	var out []string
	it := tx.Scan(flat.Key(prefix))
	for it.Next(context.Background()) {
		out = append(out, string(it.Key())+"="+string(it.Val()))
	}
	if err := it.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

func get(t *testing.T, tx flat.Tx, k string) string {
	t.Helper()
	v, err := tx.Get(context.Background(), flat.Key(k))
	if err == flat.ErrNotFound {
		return "<none>"
	} else if err != nil {
		t.Fatal(err)
	}
	return string(v)
}

// TestLevelKV checks that a write transaction sees its own changes over the
// stored ones, that readers do not see them before the commit, and that a
// transaction closed without a commit leaves nothing.
func TestLevelKV(t *testing.T) {
	ctx := context.Background()
	db, err := openLevel(t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	tx, _ := db.Tx(true)
	for _, k := range []string{"a1", "a3", "a5", "b1"} {
		put(t, tx, k, "old"+k)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}

	tx, _ = db.Tx(true)
	put(t, tx, "a2", "new")    // between stored keys
	put(t, tx, "a3", "new")    // over a stored key
	put(t, tx, "a9", "new")    // after every stored key
	_ = tx.Del(flat.Key("a5")) // a stored key
	_ = tx.Del(flat.Key("a7")) // a key never stored
	put(t, tx, "a0", "gone")
	_ = tx.Del(flat.Key("a0")) // put then deleted in the transaction
	want := []string{"a1=olda1", "a2=new", "a3=new", "a9=new"}
	if diff := cmp.Diff(want, scanAll(t, tx, "a")); diff != "" {
		t.Errorf("scan inside the transaction (-want +got):\n%s", diff)
	}
	if got := get(t, tx, "a5"); got != "<none>" {
		t.Errorf("deleted key inside the transaction = %q", got)
	}
	if got := get(t, tx, "a3"); got != "new" {
		t.Errorf("overwritten key inside the transaction = %q", got)
	}
	reader, _ := db.Tx(false)
	if diff := cmp.Diff([]string{"a1=olda1", "a3=olda3", "a5=olda5"}, scanAll(t, reader, "a")); diff != "" {
		t.Errorf("a reader sees uncommitted changes (-want +got):\n%s", diff)
	}
	if err := reader.Put(flat.Key("x"), nil); err != flat.ErrReadOnly {
		t.Errorf("Put on a read transaction: err = %v, want ErrReadOnly", err)
	}
	reader.Close()
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	reader, _ = db.Tx(false)
	if diff := cmp.Diff(want, scanAll(t, reader, "a")); diff != "" {
		t.Errorf("after the commit (-want +got):\n%s", diff)
	}
	reader.Close()

	tx, _ = db.Tx(true)
	put(t, tx, "a4", "discarded")
	_ = tx.Del(flat.Key("a1"))
	tx.Close()
	reader, _ = db.Tx(false)
	defer reader.Close()
	if diff := cmp.Diff(want, scanAll(t, reader, "a")); diff != "" {
		t.Errorf("after a transaction closed without a commit (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"b1=oldb1"}, scanAll(t, reader, "b")); diff != "" {
		t.Errorf("other prefix (-want +got):\n%s", diff)
	}
}

// TestLevelKVLarge checks a transaction large enough to commit through a
// LevelDB transaction rather than a batch.
func TestLevelKVLarge(t *testing.T) {
	ctx := context.Background()
	db, err := openLevel(t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, _ := db.Tx(true)
	put(t, tx, "keep", "old")
	put(t, tx, "gone", "old")
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}

	tx, _ = db.Tx(true)
	value := strings.Repeat("v", 8<<10)
	const n = 2 * bigTransaction / (8 << 10)
	for i := range n {
		put(t, tx, fmt.Sprintf("big%05d", i), value)
	}
	_ = tx.Del(flat.Key("gone"))
	put(t, tx, "keep", "new")
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	reader, _ := db.Tx(false)
	defer reader.Close()
	if got := len(scanAll(t, reader, "big")); got != n {
		t.Errorf("%d keys after the large commit, want %d", got, n)
	}
	if got := get(t, reader, "gone"); got != "<none>" {
		t.Errorf("deleted key = %q after the large commit", got)
	}
	if got := get(t, reader, "keep"); got != "new" {
		t.Errorf("overwritten key = %q after the large commit", got)
	}
}

// TestLevelKVHotCache checks that what write transactions read stays right
// across commits that change, delete and re-add the keys read, in small
// and large commits, and that the cache keeps what it read.
func TestLevelKVHotCache(t *testing.T) {
	ctx := context.Background()
	db, err := openLevel(t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	commit := func(tx flat.Tx) {
		t.Helper()
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
	tx, _ := db.Tx(true)
	put(t, tx, "n/1", "one")
	put(t, tx, "n/2", "two")
	commit(tx)

	steps := []struct {
		name  string
		write func(tx flat.Tx)
		want  map[string]string
	}{
		{"unchanged", func(flat.Tx) {}, map[string]string{"n/1": "one", "n/2": "two"}},
		{"changed", func(tx flat.Tx) { put(t, tx, "n/1", "uno") }, map[string]string{"n/1": "uno", "n/2": "two"}},
		{"deleted", func(tx flat.Tx) { tx.Del(flat.Key("n/2")) }, map[string]string{"n/1": "uno", "n/2": "<none>"}},
		{"added again", func(tx flat.Tx) { put(t, tx, "n/2", "dos") }, map[string]string{"n/1": "uno", "n/2": "dos"}},
		{"changed in a large commit", func(tx flat.Tx) {
			put(t, tx, "n/1", "eins")
			big := strings.Repeat("x", 1<<10)
			for i := range bigTransaction / len(big) * 2 {
				put(t, tx, fmt.Sprintf("z/%08d", i), big)
			}
		}, map[string]string{"n/1": "eins", "n/2": "dos"}},
		{"too large to keep", func(tx flat.Tx) { put(t, tx, "n/2", strings.Repeat("y", hotMaxValue+1)) },
			map[string]string{"n/1": "eins", "n/2": strings.Repeat("y", hotMaxValue+1)}},
	}
	for _, step := range steps {
		tx, _ := db.Tx(true)
		for k := range step.want {
			get(t, tx, k) // read in a write transaction: kept by the cache
		}
		step.write(tx)
		commit(tx)
		tx, _ = db.Tx(true)
		ro, _ := db.Tx(false)
		for k, want := range step.want {
			if got := get(t, tx, k); got != want {
				t.Errorf("%s: write transaction reads %s = %.10q, want %.10q", step.name, k, got, want)
			}
			if got := get(t, ro, k); got != want {
				t.Errorf("%s: store holds %s = %.10q, want %.10q", step.name, k, got, want)
			}
		}
		tx.Close()
		ro.Close()
	}
	if _, ok := db.hot.get([]byte("n/1")); !ok {
		t.Error("the cache does not hold a key write transactions read")
	}
}

func TestHotCacheGenerations(t *testing.T) {
	h := newHotCache(2)
	h.add([]byte("a"), []byte("1"))
	h.add([]byte("b"), []byte("2"))
	h.add([]byte("c"), []byte("3")) // a and b become the old generation
	if v, ok := h.get([]byte("a")); !ok || string(v) != "1" {
		t.Errorf("get(a) = %q, %v after one turn of generations", v, ok)
	}
	h.add([]byte("d"), []byte("4")) // c and a old, b dropped
	h.add([]byte("e"), []byte("5"))
	if _, ok := h.get([]byte("b")); ok {
		t.Error("b outlived two generations")
	}
	if len(h.cur)+len(h.old) > 4 {
		t.Errorf("cache holds %d keys, limit 2 per generation", len(h.cur)+len(h.old))
	}
}
