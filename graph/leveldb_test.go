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
