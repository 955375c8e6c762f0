"""Every edited byte of the header, an entry, a label or the audit log is detected."""

from __future__ import annotations

import pytest
from keystore_helpers import FAST, PASSPHRASE, flip, raw

from keys import KeyStore, StoreCorrupt, WrongPassphrase

HEADER_COLUMNS = ["body", "mac", "checksum"]


@pytest.mark.parametrize("column", HEADER_COLUMNS)
def test_every_flipped_header_byte_is_detected(store, store_path, column):
    store.close()
    db = raw(store_path)
    original = db.execute(f"SELECT {column} FROM header").fetchone()[0]
    for i in range(len(original)):
        db.execute(f"UPDATE header SET {column} = ?", (flip(original, i),))
        with pytest.raises(StoreCorrupt):
            KeyStore.open(store_path, PASSPHRASE)
    db.execute(f"UPDATE header SET {column} = ?", (original,))
    KeyStore.open(store_path, PASSPHRASE).close()


@pytest.mark.parametrize("column, value", [("format", "something-else"), ("version", 0)])
def test_edited_header_columns_are_detected(store, store_path, column, value):
    store.close()
    raw(store_path).execute(f"UPDATE header SET {column} = ?", (value,))
    with pytest.raises(StoreCorrupt):
        KeyStore.open(store_path, PASSPHRASE)


def test_truncated_header_is_detected(store, store_path):
    store.close()
    raw(store_path).execute("DELETE FROM header")
    with pytest.raises(StoreCorrupt):
        KeyStore.open(store_path, PASSPHRASE)


def test_header_from_another_store_is_a_wrong_passphrase_not_a_working_store(store, tmp_path):
    with KeyStore.create(tmp_path / "other.db", "other passphrase", kdf=FAST):
        pass
    store.close()
    foreign = raw(tmp_path / "other.db").execute(
        "SELECT body, mac, checksum FROM header").fetchone()
    raw(store.path).execute("UPDATE header SET body = ?, mac = ?, checksum = ?", foreign)
    with pytest.raises(WrongPassphrase):
        KeyStore.open(store.path, PASSPHRASE)


def test_every_flipped_entry_byte_is_detected_on_reveal_and_on_use(store, store_path):
    token = store.pseudonym("UK_NHS", "9990000018", "999 000 0018", "NHS")
    db = raw(store_path)
    sealed = db.execute("SELECT sealed FROM entries WHERE token = ?", (token,)).fetchone()[0]
    for i in range(len(sealed)):
        db.execute("UPDATE entries SET sealed = ? WHERE token = ?", (flip(sealed, i), token))
        with pytest.raises(StoreCorrupt, match=token):
            store.reveal(token, "check")
    with KeyStore.open(store_path, PASSPHRASE) as fresh, pytest.raises(StoreCorrupt):
        fresh.pseudonym("UK_NHS", "9990000018", "999 000 0018", "NHS")
    db.execute("UPDATE entries SET sealed = ? WHERE token = ?", (sealed, token))
    assert store.reveal(token, "check").original == "999 000 0018"


def test_swapped_entries_are_detected(store, store_path):
    a = store.pseudonym("PERSON", "ann", "Ann", "PERSON")
    b = store.pseudonym("PERSON", "bob", "Bob", "PERSON")
    db = raw(store_path)
    sa = db.execute("SELECT sealed FROM entries WHERE token = ?", (a,)).fetchone()[0]
    sb = db.execute("SELECT sealed FROM entries WHERE token = ?", (b,)).fetchone()[0]
    db.execute("UPDATE entries SET sealed = ? WHERE token = ?", (sb, a))
    db.execute("UPDATE entries SET sealed = ? WHERE token = ?", (sa, b))
    for token in (a, b):
        with pytest.raises(StoreCorrupt):
            store.reveal(token, "check")
    with pytest.raises(StoreCorrupt):
        store.verify_entries()


@pytest.mark.parametrize("column, value", [("entity", "UK_NHS"), ("token", "PERSON-0000000000")])
def test_edited_entry_columns_are_detected(store, store_path, column, value):
    token = store.pseudonym("PERSON", "ann", "Ann", "PERSON")
    raw(store_path).execute(f"UPDATE entries SET {column} = ?", (value,))
    with pytest.raises(StoreCorrupt):
        store.reveal(value if column == "token" else token, "check")
    with KeyStore.open(store_path, PASSPHRASE) as fresh, pytest.raises(StoreCorrupt):
        fresh.pseudonym("PERSON", "ann", "Ann", "PERSON")


def test_swapped_labels_are_detected(store, store_path):
    def make(i: int) -> str:
        return f"Client {'AB'[i]}"

    store.label("Client", "PERSON", "ann", "Ann", make)
    store.label("Client", "PERSON", "bob", "Bob", make)
    db = raw(store_path)
    db.execute("UPDATE labels SET label = 'Client X' WHERE label = 'Client A'")
    db.execute("UPDATE labels SET label = 'Client A' WHERE label = 'Client B'")
    db.execute("UPDATE labels SET label = 'Client B' WHERE label = 'Client X'")
    with KeyStore.open(store_path, PASSPHRASE) as fresh:
        with pytest.raises(StoreCorrupt):
            fresh.label("Client", "PERSON", "ann", "Ann", make)
        with pytest.raises(StoreCorrupt):
            fresh.reveal("Client A", "check")


def _reveal_three(store):
    token = store.pseudonym("PERSON", "ann", "Ann", "PERSON")
    for reason in ("first", "second", "third"):
        store.reveal(token, reason)


def test_untouched_audit_log_verifies(store):
    _reveal_three(store)
    report = store.audit()
    assert report.intact
    assert [e.reason for e in report.entries] == ["", "first", "second", "third"]
    assert all(e.user and e.time.endswith("+00:00") for e in report.entries)
    assert "Ann" not in repr(report)


@pytest.mark.parametrize(
    "edit",
    [
        "UPDATE audit SET reason = 'nothing to see' WHERE seq = 2",
        "UPDATE audit SET user = 'someone' WHERE seq = 3",
        "UPDATE audit SET time = '2020-01-01T00:00:00+00:00' WHERE seq = 1",
        "UPDATE audit SET token = 'PERSON-0000000000' WHERE seq = 4",
        "DELETE FROM audit WHERE seq = 2",
        "DELETE FROM audit WHERE seq = 4",
        "DELETE FROM audit",
        "UPDATE audit SET seq = seq + 10 WHERE seq = 4",
        "UPDATE audit_head SET count = 3",
        "DELETE FROM audit_head",
        "UPDATE audit SET mac = zeroblob(32) WHERE seq = 3",
    ],
)
def test_audit_chain_detects_edits(store, store_path, edit):
    _reveal_three(store)
    raw(store_path).execute(edit)
    report = store.audit()
    assert not report.intact
    assert report.problem


def test_audit_chain_detects_deleting_the_newest_entry_with_its_head_rolled_back(store,
                                                                                  store_path):
    token = store.pseudonym("PERSON", "ann", "Ann", "PERSON")
    store.reveal(token, "first")
    head = raw(store_path).execute("SELECT count, mac FROM audit_head").fetchone()
    store.reveal(token, "second")
    db = raw(store_path)
    db.execute("DELETE FROM audit WHERE seq = 3")
    assert not store.audit().intact
    db.execute("UPDATE audit_head SET count = ?, mac = ?", head)
    assert store.audit().intact  # an exact roll-back to an earlier state is indistinguishable
