package graph

import (
	"context"
	"errors"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// txKV is the key-value database of an embedded backend, able to run
// several Cayley operations inside one key-value transaction.
//
// Cayley's KV quad store opens and commits a transaction per call to
// ApplyDeltas. Between Begin and Commit, txKV hands every transaction
// Cayley asks for (for reading or writing) the one open transaction, and
// ignores Cayley's commits and closes of it: the operations commit or roll
// back together. The store's write lock keeps readers out meanwhile.
type txKV struct {
	hkv.KV
	outer hkv.Tx // the open transaction, nil outside Begin and Commit
}

var _ hkv.KV = (*txKV)(nil)

// Tx returns the open transaction when there is one.
func (k *txKV) Tx(rw bool) (hkv.Tx, error) {
	if k.outer != nil {
		return shared{k.outer}, nil
	}
	return k.KV.Tx(rw)
}

// Begin opens the transaction the next operations share.
func (k *txKV) Begin() error {
	if k.outer != nil {
		return errors.New("transaction already open")
	}
	tx, err := k.KV.Tx(true)
	if err != nil {
		return err
	}
	k.outer = tx
	return nil
}

// Commit commits the shared transaction.
func (k *txKV) Commit(ctx context.Context) error {
	tx := k.outer
	k.outer = nil
	if tx == nil {
		return errors.New("no transaction open")
	}
	err := tx.Commit(ctx)
	tx.Close()
	return err
}

// Rollback discards the shared transaction.
func (k *txKV) Rollback() {
	if k.outer != nil {
		k.outer.Close()
		k.outer = nil
	}
}

// shared is the open transaction as handed to Cayley: its Commit and Close
// do nothing, txKV.Commit and txKV.Rollback end it.
type shared struct{ hkv.Tx }

func (shared) Commit(context.Context) error { return nil }
func (shared) Close() error                 { return nil }
