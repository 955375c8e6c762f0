from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from keystore_helpers import FAST, ORIGINALS, PASSPHRASE, raw

from keys import (
    KeyStore,
    StoreCorrupt,
    StoreExists,
    StoreForgotten,
    StoreMissing,
    TokenCollision,
    UnknownToken,
    UnsupportedVersion,
    WeakPassphrase,
    WrongPassphrase,
)
from keys.entries import DataKeys


def _label(i: int) -> str:
    return f"Client {chr(ord('A') + i)}"


def _fill(store: KeyStore) -> dict[str, str]:
    return {store.pseudonym(entity, value.casefold(), value, prefix): value
            for entity, value, prefix in ORIGINALS}


def test_pseudonyms_are_typed_and_deterministic_across_reopen(store, store_path):
    first = _fill(store)
    store.close()
    with KeyStore.open(store_path, PASSPHRASE) as again:
        assert _fill(again) == first
    prefixes = [token.split("-")[0] for token in first]
    assert prefixes == [prefix for _, _, prefix in ORIGINALS]
    assert all(len(token.split("-")[1]) == 10 for token in first)


def test_two_stores_give_unrelated_pseudonyms(store, tmp_path):
    with KeyStore.create(tmp_path / "other.db", PASSPHRASE, kdf=FAST) as other:
        assert set(_fill(store)).isdisjoint(_fill(other))


def test_entity_type_is_part_of_the_key(store):
    assert store.pseudonym("UK_NHS", "9990000018", "x", "ID") != store.pseudonym(
        "UK_CHI", "9990000018", "x", "ID")


def test_round_trip_reveals_the_exact_original(store, store_path):
    tokens = _fill(store)
    store.close()
    with KeyStore.open(store_path, PASSPHRASE) as again:
        for token, original in tokens.items():
            assert again.reveal(token, "case review").original == original
            assert again.reveal(token.lower(), "case review").original == original


def test_first_original_is_kept_for_equal_keys(store):
    token = store.pseudonym("UK_NINO", "qq123456c", "QQ 12 34 56 C", "NINO")
    assert store.pseudonym("UK_NINO", "qq123456c", "qq-12-34-56-c", "NINO") == token
    assert store.reveal(token, "check").original == "QQ 12 34 56 C"


def test_labels_persist_and_take_the_next_unused_index(store, store_path):
    assert store.label("Client", "PERSON", "margaret o'neill", "margaret o'neill", _label) == \
        "Client A"
    assert store.label("Client", "PERSON", "daniel price", "daniel price", _label) == "Client B"
    store.close()
    with KeyStore.open(store_path, PASSPHRASE) as again:
        assert again.label("Client", "PERSON", "arjun patel", "arjun patel", _label) == "Client C"
        assert again.label("Client", "PERSON", "margaret o'neill", "x", _label) == "Client A"
        assert again.label("Pupil", "PERSON", "margaret o'neill", "x",
                           lambda i: f"Pupil {i}") == "Pupil 0"
        assert again.reveal("client b", "check").original == "daniel price"


def test_store_file_holds_no_original_in_clear(store, store_path):
    _fill(store)
    for entity, value, _ in ORIGINALS:
        store.label("Client", entity, value.casefold(), value, _label)
    store.reveal(next(iter(_fill(store))), "check")
    store.close()
    folder = store_path.parent
    data = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("keys.db"))
    assert data
    for _, value, _ in ORIGINALS:
        for form in {value, value.casefold(), value.upper(), value.replace(" ", "")}:
            assert form.encode("utf-8") not in data
            assert form.encode("utf-16-le") not in data
    assert [p.name for p in folder.iterdir()] == ["keys.db"]  # no journal left at rest


def test_store_file_is_private(store_path, store):
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o600


def test_wrong_passphrase(store, store_path):
    store.close()
    with pytest.raises(WrongPassphrase):
        KeyStore.open(store_path, "wrong horse battery")


def test_missing_store(tmp_path):
    with pytest.raises(StoreMissing):
        KeyStore.open(tmp_path / "nothing.db", PASSPHRASE)
    assert not (tmp_path / "nothing.db").exists()


def test_create_refuses_existing_file_and_missing_folder(store, store_path, tmp_path):
    with pytest.raises(StoreExists):
        KeyStore.create(store_path, PASSPHRASE, kdf=FAST)
    with pytest.raises(StoreMissing):
        KeyStore.create(tmp_path / "no" / "such.db", PASSPHRASE, kdf=FAST)
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["keys.db"]


@pytest.mark.parametrize("passphrase", ["", "short", "       x"])
def test_create_refuses_weak_passphrase(tmp_path, passphrase):
    with pytest.raises(WeakPassphrase):
        KeyStore.create(tmp_path / "k.db", passphrase, kdf=FAST)
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00"])
def test_non_store_files_are_corrupt(tmp_path, content):
    path = tmp_path / "k.db"
    path.write_bytes(content)
    with pytest.raises(StoreCorrupt):
        KeyStore.open(path, PASSPHRASE)


def test_other_sqlite_database_is_not_a_store(tmp_path):
    path = tmp_path / "k.db"
    raw(path).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreCorrupt):
        KeyStore.open(path, PASSPHRASE)


def test_newer_format_version_is_refused(store, store_path):
    store.close()
    raw(store_path).execute("UPDATE header SET version = 2")
    with pytest.raises(UnsupportedVersion):
        KeyStore.open(store_path, PASSPHRASE)


def test_unknown_token_and_no_echo_of_non_tokens(store):
    with pytest.raises(UnknownToken, match="NHS-0000000000"):
        store.reveal("NHS-0000000000", "check")
    with pytest.raises(UnknownToken) as exc:
        store.reveal("Margaret Smith", "check")
    assert "Margaret" not in str(exc.value)


def test_reveal_requires_a_reason(store):
    token = store.pseudonym("PERSON", "a b", "A B", "PERSON")
    with pytest.raises(ValueError):
        store.reveal(token, "   ")
    assert [e.action for e in store.audit().entries] == ["init"]


def test_collision_is_refused_never_reused(store, monkeypatch):
    monkeypatch.setattr(DataKeys, "token", lambda self, prefix, entity, key: "PERSON-0000000000")
    assert store.pseudonym("PERSON", "ann", "Ann", "PERSON") == "PERSON-0000000000"
    with pytest.raises(TokenCollision):
        store.pseudonym("PERSON", "bob", "Bob", "PERSON")
    assert store.reveal("PERSON-0000000000", "check").original == "Ann"
    assert store.label("Client", "PERSON", "bob", "Bob", lambda i: "Client A") == "Client A"
    with pytest.raises(TokenCollision):
        store.label("Client", "PERSON", "cy", "Cy", lambda i: "Client A")


def test_passwd_rewraps_without_reencrypting(store, store_path):
    tokens = _fill(store)
    before = raw(store_path).execute("SELECT lookup, sealed FROM entries").fetchall()
    store.change_passphrase("a brand new passphrase", kdf=FAST, reason="staff change")
    store.close()
    with pytest.raises(WrongPassphrase):
        KeyStore.open(store_path, PASSPHRASE)
    with KeyStore.open(store_path, "a brand new passphrase") as again:
        assert _fill(again) == tokens
        assert [e.action for e in again.audit().entries] == ["init", "passwd"]
        assert again.audit().entries[-1].reason == "staff change"
    assert raw(store_path).execute("SELECT lookup, sealed FROM entries").fetchall() == before


def test_passwd_refuses_weak_passphrase(store):
    with pytest.raises(WeakPassphrase):
        store.change_passphrase("short", kdf=FAST)


def _wrapped_data_key(path: Path) -> bytes:
    body = raw(path).execute("SELECT body FROM header").fetchone()[0]
    return json.loads(body)["data_key"].encode("ascii")


def test_forget_makes_reveal_impossible_and_keeps_the_audit(store, store_path):
    tokens = _fill(store)
    wrapped = _wrapped_data_key(store_path)
    store.forget(reason="project closed")
    with pytest.raises(StoreForgotten):
        store.reveal(next(iter(tokens)), "check")
    store.close()
    with KeyStore.open(store_path, PASSPHRASE) as again:
        assert again.forgotten
        for token in tokens:
            with pytest.raises(StoreForgotten):
                again.reveal(token, "check")
        with pytest.raises(StoreForgotten):
            again.pseudonym("PERSON", "new", "New", "PERSON")
        with pytest.raises(StoreForgotten):
            again.forget()
        report = again.audit()
        assert report.intact
        assert [e.action for e in report.entries] == ["init", "forget"]
    data = store_path.read_bytes()
    assert wrapped not in data
    assert raw(store_path).execute("SELECT count(*) FROM entries").fetchone()[0] == 0


def test_forget_by_another_process_stops_new_entries(store, store_path):
    store.pseudonym("PERSON", "ann", "Ann", "PERSON")
    with KeyStore.open(store_path, PASSPHRASE) as other:
        other.forget()
    with pytest.raises(StoreForgotten):
        store.pseudonym("PERSON", "bob", "Bob", "PERSON")
    assert raw(store_path).execute("SELECT count(*) FROM entries").fetchone()[0] == 0


def test_passwd_by_another_process_does_not_disturb_an_open_store(store, store_path):
    store.pseudonym("PERSON", "ann", "Ann", "PERSON")
    with KeyStore.open(store_path, PASSPHRASE) as other:
        other.change_passphrase("another passphrase", kdf=FAST)
    token = store.pseudonym("PERSON", "bob", "Bob", "PERSON")
    with KeyStore.open(store_path, "another passphrase") as again:
        assert again.reveal(token, "check").original == "Bob"


def test_repr_and_errors_hold_no_values(store):
    store.pseudonym("PERSON", "ann smith", "Ann Smith", "PERSON")
    assert "Ann" not in repr(store)
    revealed = store.reveal(store.pseudonym("PERSON", "ann smith", "x", "PERSON"), "check")
    assert "Ann" not in repr(revealed)


def test_newer_version_with_another_header_layout_is_refused(tmp_path):
    path = tmp_path / "future.db"
    db = raw(path)
    db.execute("CREATE TABLE header (id INTEGER PRIMARY KEY, format TEXT, version INTEGER, "
               "everything_else BLOB)")
    db.execute("INSERT INTO header VALUES (1, 'anonymise-keystore', 3, x'00')")
    with pytest.raises(UnsupportedVersion, match="version 3"):
        KeyStore.open(path, PASSPHRASE)
