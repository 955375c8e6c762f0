"""Rows of the ``entries`` and ``labels`` tables: lookups, sealing, and authenticated reads.

Callers hold the transaction; these functions only read and write rows. Every original value
is sealed (AES-256-GCM) with associated data that binds it to its row:

* entry: ``("entry", token, entity, lookup)``
* label: ``("label", namespace, label, entity, lookup)``

so a row's value cannot be moved to another token or label, and any changed byte in the token,
entity, lookup or ciphertext makes the row fail authentication (:class:`StoreCorrupt`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from keys import crypto, tokens
from keys.errors import StoreCorrupt, TokenCollision, UnknownToken


@dataclass(frozen=True, slots=True)
class DataKeys:
    """The subkeys of the data key, one per purpose (HKDF labels "seal", "pseudonym", "lookup")."""

    seal: bytes = field(repr=False)
    pseudonym: bytes = field(repr=False)
    lookup: bytes = field(repr=False)

    @classmethod
    def derive(cls, data_key: bytes) -> DataKeys:
        """Derive the three subkeys from the data key."""
        return cls(*(crypto.subkey(data_key, p) for p in ("seal", "pseudonym", "lookup")))

    def entry_lookup(self, entity: str, key: str) -> bytes:
        """Keyed hash that finds a value's entry without storing the value."""
        return crypto.mac(self.lookup, "entry", entity, key)

    def label_lookup(self, namespace: str, entity: str, key: str) -> bytes:
        """Keyed hash that finds a value's label in one namespace."""
        return crypto.mac(self.lookup, "label", namespace, entity, key)

    def token(self, prefix: str, entity: str, key: str) -> str:
        """The value's pseudonym: ``prefix`` and 50 bits of a keyed HMAC."""
        return tokens.make_token(prefix, crypto.mac(self.pseudonym, "pseudonym", entity, key))


def find_entry(conn: sqlite3.Connection, lookup: bytes) -> tuple[str, str, bytes] | None:
    """Return ``(token, entity, sealed)`` of the entry with this lookup, if any."""
    rows = conn.execute("SELECT token, entity, sealed FROM entries WHERE lookup = ?",
                        (lookup,)).fetchall()
    return (rows[0][0], rows[0][1], rows[0][2]) if rows else None


def add_entry(conn: sqlite3.Connection, keys: DataKeys, row: tuple[str, str, bytes],
              original: str, store: str) -> tuple[str, str, bytes]:
    """Insert ``(token, entity, lookup)`` with the sealed original; return the new row.

    Raises:
        TokenCollision: the token already stands for another value.
    """
    token, entity, lookup = row
    if conn.execute("SELECT 1 FROM entries WHERE token = ?", (token,)).fetchall():
        raise TokenCollision(f"pseudonym {token} already stands for another value in key "
                             f"store {store}; nothing was reused")
    sealed = crypto.seal(keys.seal, original.encode("utf-8"), "entry", token, entity, lookup)
    conn.execute("INSERT INTO entries (lookup, token, entity, sealed) VALUES (?, ?, ?, ?)",
                 (lookup, token, entity, sealed))
    return token, entity, sealed


def find_label(conn: sqlite3.Connection, namespace: str, lookup: bytes
               ) -> tuple[str, bytes] | None:
    """Return ``(label, sealed)`` of the value with this lookup in ``namespace``, if any."""
    rows = conn.execute("SELECT label, sealed FROM labels WHERE namespace = ? AND lookup = ?",
                        (namespace, lookup)).fetchall()
    return (rows[0][0], rows[0][1]) if rows else None


def add_label(conn: sqlite3.Connection, keys: DataKeys, row: tuple[str, str, bytes],
              original: str, make_label: Callable[[int], str], store: str
              ) -> tuple[str, bytes]:
    """Give ``(namespace, entity, lookup)`` the namespace's next index; return ``(label, sealed)``.

    Raises:
        TokenCollision: the label text is already taken (e.g. a label word that is a prefix
            of another series' labels).
    """
    namespace, entity, lookup = row
    (index,), = conn.execute("SELECT COALESCE(MAX(idx) + 1, 0) FROM labels WHERE namespace = ?",
                             (namespace,)).fetchall()
    text = make_label(index)
    if conn.execute("SELECT 1 FROM labels WHERE label = ? COLLATE NOCASE", (text,)).fetchall():
        raise TokenCollision(f"label {text} is already used in key store {store}")
    sealed = crypto.seal(keys.seal, original.encode("utf-8"), "label", namespace, text, entity,
                         lookup)
    conn.execute("INSERT INTO labels (namespace, lookup, idx, label, entity, sealed) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (namespace, lookup, index, text, entity, sealed))
    return text, sealed


def unseal(keys: DataKeys, sealed: object, what: str, store: str, *context: crypto.Part) -> str:
    """Authenticate and decrypt one row's original value.

    Raises:
        StoreCorrupt: the row was altered or damaged (``what`` names it, e.g. "entry NHS-…").
    """
    try:
        if not isinstance(sealed, bytes):
            raise crypto.SealError()
        return crypto.unseal(keys.seal, sealed, *context).decode("utf-8")
    except (crypto.SealError, UnicodeDecodeError, TypeError):
        raise StoreCorrupt(f"{what} in key store {store} was altered or damaged") from None


def lookup_token(conn: sqlite3.Connection, keys: DataKeys, wanted: str, store: str
                 ) -> tuple[str, str, str]:
    """Find a pseudonym or label and return ``(token, entity, original)``.

    Raises:
        UnknownToken: no such pseudonym or label.
        StoreCorrupt: its row was altered.
    """
    rows = conn.execute("SELECT token, entity, lookup, sealed FROM entries WHERE token = ?",
                        (wanted,)).fetchall()
    if rows:
        token, entity, lookup, sealed = rows[0]
        context: tuple[crypto.Part, ...] = ("entry", token, entity, lookup)
    else:
        rows = conn.execute("SELECT label, entity, lookup, sealed, namespace FROM labels "
                            "WHERE label = ? COLLATE NOCASE", (wanted,)).fetchall()
        if not rows:
            shown = wanted if tokens.looks_like_token(wanted) else "the given label"
            raise UnknownToken(f"{shown} is not in key store {store}")
        token, entity, lookup, sealed, namespace = rows[0]
        context = ("label", namespace, token, entity, lookup)
    return str(token), str(entity), unseal(keys, sealed, f"entry {token}", store, *context)


def verify_all(conn: sqlite3.Connection, keys: DataKeys, store: str) -> int:
    """Authenticate every entry and label; return how many there are.

    Raises:
        StoreCorrupt: naming the first row that fails.
    """
    entries = conn.execute("SELECT token, entity, lookup, sealed FROM entries").fetchall()
    for token, entity, lookup, sealed in entries:
        unseal(keys, sealed, f"entry {token}", store, "entry", token, entity, lookup)
    labels = conn.execute("SELECT namespace, label, entity, lookup, sealed FROM labels").fetchall()
    for namespace, text, entity, lookup, sealed in labels:
        unseal(keys, sealed, f"label {text}", store, "label", namespace, text, entity, lookup)
    return len(entries) + len(labels)
