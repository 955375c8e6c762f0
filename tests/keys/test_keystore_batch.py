"""``KeyStore.batch()``: one commit for the new pseudonyms of a block (e.g. one document)."""

from __future__ import annotations

import pytest
from keystore_helpers import PASSPHRASE, raw

from keys import KeyStore, StoreForgotten, TokenCollision
from keys.entries import DataKeys


def _count(store_path) -> int:
    return raw(store_path).execute("SELECT count(*) FROM entries").fetchone()[0]


def test_batch_commits_at_the_end_of_the_block(store, store_path):
    with store.batch():
        a = store.pseudonym("PERSON", "ann", "Ann", "PERSON")
        assert store.pseudonym("PERSON", "ann", "ANN", "PERSON") == a
        b = store.pseudonym("UK_NHS", "9990000018", "999 000 0018", "NHS")
        assert _count(store_path) == 0
    assert _count(store_path) == 2
    with KeyStore.open(store_path, PASSPHRASE) as again:
        assert again.pseudonym("PERSON", "ann", "x", "PERSON") == a
        assert again.reveal(a, "check").original == "Ann"
        assert again.reveal(b, "check").original == "999 000 0018"


def test_batch_gives_the_same_tokens_as_single_commits(store, store_path, tmp_path):
    with store.batch():
        batched = [store.pseudonym("PERSON", n, n, "PERSON") for n in ("ann", "bob")]
    assert [store.pseudonym("PERSON", n, n, "PERSON") for n in ("ann", "bob")] == batched


def test_failed_block_commits_nothing(store, store_path):
    with pytest.raises(RuntimeError), store.batch():
        token = store.pseudonym("PERSON", "ann", "Ann", "PERSON")
        raise RuntimeError("writer failed")
    assert _count(store_path) == 0
    assert store.pseudonym("PERSON", "ann", "Ann", "PERSON") == token
    assert _count(store_path) == 1


def test_nested_batches_commit_once_at_the_outer_end(store, store_path):
    with store.batch():
        with store.batch():
            store.pseudonym("PERSON", "ann", "Ann", "PERSON")
        assert _count(store_path) == 0
    assert _count(store_path) == 1


def test_collision_in_a_batch_commits_nothing(store, store_path, monkeypatch):
    store.pseudonym("PERSON", "zed", "Zed", "PERSON")
    monkeypatch.setattr(DataKeys, "token", lambda self, prefix, entity, key: "PERSON-0000000000")
    with pytest.raises(TokenCollision), store.batch():
        store.pseudonym("PERSON", "ann", "Ann", "PERSON")
        store.pseudonym("PERSON", "bob", "Bob", "PERSON")
    assert _count(store_path) == 1


def test_forget_elsewhere_during_a_batch_commits_nothing(store, store_path):
    with pytest.raises(StoreForgotten), store.batch():
        store.pseudonym("PERSON", "ann", "Ann", "PERSON")
        with KeyStore.open(store_path, PASSPHRASE) as other:
            other.forget()
    assert _count(store_path) == 0


def test_labels_in_a_batch_are_committed_at_once(store, store_path):
    with store.batch():
        assert store.label("Client", "PERSON", "ann", "Ann", lambda i: f"Client {i}") == "Client 0"
        assert raw(store_path).execute("SELECT count(*) FROM labels").fetchone()[0] == 1
