package graph

import (
	"testing"

	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/flat"
	"github.com/hidal-go/hidalgo/kv/kvtest"
)

// TestKVConformance runs hidalgo's key-value tests (nested keys, prefix
// scans, deletes) against the two key-value stores the graph runs on.
func TestKVConformance(t *testing.T) {
	t.Run("leveldb", func(t *testing.T) {
		kvtest.RunTestLocal(t, func(dir string) (hkv.KV, error) {
			db, err := openLevel(dir, true)
			if err != nil {
				return nil, err
			}
			return flat.Upgrade(db), nil
		})
	})
	t.Run("bolt", func(t *testing.T) {
		kvtest.RunTestLocal(t, func(dir string) (hkv.KV, error) { return openBolt(dir, true) })
	})
}
