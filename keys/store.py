"""The key store: pseudonyms and persistent labels backed by one encrypted SQLite file.

What is in the file (see ``keys.header``, ``keys.db`` and ``keys.audit`` for the details):

* ``entries``: ``lookup`` = HMAC(lookup key, "entry" ‖ entity ‖ normalised value), ``token``
  (the pseudonym), ``entity`` and ``sealed`` = AES-256-GCM of the original value with the
  token, entity and lookup as associated data — so an entry cannot be moved to another token
  and any changed byte is detected.
* ``labels``: per namespace (the label word), ``lookup``, the label's index and text
  ("Client C"), and the original sealed the same way — so Client C stays Client C next month.
* ``audit`` / ``audit_head``: the hash-chained access log.

The data key is random; the subkeys for sealing, pseudonyms and lookups are derived from it
with HKDF and distinct labels. Nothing in the file shows an original value in clear.

Commits: a new mapping is committed before its token is returned (one transaction each), or,
inside ``with store.batch():``, all new pseudonyms of the block in one transaction when it ends
(use one block per document and write the output after it). Either way no output can hold a
pseudonym the store does not know, even after ``kill -9``. Labels are always committed one
by one, since their numbering must not race between processes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType

from keys import audit as audit_log
from keys import crypto, db, entries, header, tokens
from keys.entries import DataKeys
from keys.errors import StoreCorrupt, StoreExists, StoreForgotten, StoreMissing, TokenCollision
from keys.passphrase import check_new_passphrase

#: A new entry waiting for its commit: ``((token, entity, lookup), original)``.
_NewEntry = tuple[tuple[str, str, bytes], str]


@dataclass(frozen=True, slots=True)
class Revealed:
    """The answer to a reveal: the token, its entity type and the original value."""

    token: str
    entity: str
    original: str = field(repr=False)


class KeyStore:
    """An open key store. Create with :meth:`create` or :meth:`open`; close when done.

    One instance serves one process; several processes may use one store file at once.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, unlocked: header.Unlocked) -> None:
        """Wrap an open connection (use :meth:`create` or :meth:`open` instead)."""
        self._path = path
        self._name = path.name
        self._conn = conn
        self._unlocked = unlocked
        self._keys = None if unlocked.data_key is None else DataKeys.derive(unlocked.data_key)
        self._checksum = self._read_checksum()
        self._tokens: dict[bytes, str] = {}
        self._labels: dict[tuple[str, bytes], str] = {}
        self._pending: dict[bytes, _NewEntry] | None = None

    @classmethod
    def create(cls, path: Path, passphrase: str, *, kdf: crypto.KdfParams | None = None,
               busy_timeout: float = db.BUSY_TIMEOUT) -> KeyStore:
        """Create a new store file (mode 0600) and return it open.

        The file appears complete or not at all: it is built under a temporary name first.

        Args:
            path: the new file; it must not exist.
            passphrase: at least 8 characters.
            kdf: scrypt cost; leave the default except in tests.
            busy_timeout: seconds to wait for another process's write.

        Raises:
            StoreExists: a file already exists at ``path``.
            StoreMissing: the folder does not exist.
            WeakPassphrase: the passphrase is too short.
        """
        path = Path(path)
        check_new_passphrase(passphrase)
        if path.exists() or path.is_symlink():
            raise StoreExists(f"{path.name} already exists; choose a new file for the key store")
        folder = path.parent
        if not folder.is_dir():
            raise StoreMissing(f"the folder for key store {path.name} does not exist")
        params = kdf or crypto.KdfParams()
        salt = crypto.new_salt()
        unlocked = header.Unlocked(params, salt, audit_log.utc_now(),
                                   crypto.derive_kek(passphrase, salt, params),
                                   crypto.new_key(), crypto.new_key())

        def setup(conn: sqlite3.Connection) -> None:
            db.put_header(conn, header.build(unlocked), insert=True)
            audit_log.start(conn, unlocked.audit_key)
            audit_log.append(conn, unlocked.audit_key, "init", "", "")

        db.create_file(path, setup, busy_timeout)
        return cls(path, db.connect(path, busy_timeout), unlocked)

    @classmethod
    def open(cls, path: Path, passphrase: str, *,
             busy_timeout: float = db.BUSY_TIMEOUT) -> KeyStore:
        """Open an existing store with its passphrase.

        Raises:
            StoreMissing: no file at ``path``.
            StoreCorrupt: not a key store, or its header is damaged or edited.
            UnsupportedVersion: written by a newer anonymise.
            WrongPassphrase: the passphrase does not open it.
        """
        path = Path(path)
        conn = db.connect(path, busy_timeout)
        try:
            with db.errors(path):
                rows = conn.execute("SELECT format, version FROM header WHERE id = 1").fetchall()
                if not rows:
                    raise StoreCorrupt(f"key store {path.name} has no header")
                header.check_format(*rows[0], path.name)
                rows = conn.execute("SELECT format, version, body, mac, checksum FROM header "
                                    "WHERE id = 1").fetchall()
            unlocked = header.unlock(header.HeaderRow(*rows[0]), passphrase, path.name)
            return cls(path, conn, unlocked)
        except BaseException:
            conn.close()
            raise

    @property
    def path(self) -> Path:
        """The store file."""
        return self._path

    @property
    def forgotten(self) -> bool:
        """True once the data key was destroyed by :meth:`forget`."""
        return self._keys is None

    def pseudonym(self, entity: str, key: str, original: str, prefix: str) -> str:
        """Return the pseudonym of a value, adding (and committing) an entry if it is new.

        Args:
            entity: the entity type, e.g. ``"UK_NHS"``; part of the keyed input.
            key: the value's normalised form; equal keys get equal pseudonyms.
            original: the value as it should be revealed (stored encrypted on first sight).
            prefix: the token's readable type, e.g. ``"NHS"``.

        Raises:
            StoreForgotten: the store's keys were destroyed.
            TokenCollision: another value already has this pseudonym.
            StoreCorrupt: the existing entry was altered.
        """
        keys = self._data_keys()
        lookup = keys.entry_lookup(entity, key)
        known = self._tokens.get(lookup)
        if known is None and self._pending is not None and lookup in self._pending:
            known = self._pending[lookup][0][0]
        if known is not None:
            return known
        with db.errors(self._path):
            found = entries.find_entry(self._conn, lookup)
        if found is None:
            row = (keys.token(prefix, entity, key), entity, lookup)
            if self._pending is not None:
                self._pending[lookup] = (row, original)
                return row[0]
            return self._insert({lookup: (row, original)})[lookup]
        token = self._verified(keys, found, lookup)
        self._tokens[lookup] = token
        return token

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Commit the new pseudonyms made inside the block together, when it ends.

        Use it around planning one document and write the output after the block: a token
        then never reaches an output before its entry is committed, at the cost of one commit
        per document instead of one per new value. Labels are still committed one by one
        (their numbering must not race). If the block raises, its new entries are dropped.

        Raises:
            StoreForgotten, TokenCollision, StoreCorrupt: at the end of the block, as for
                :meth:`pseudonym`; nothing of the block is then committed.
        """
        if self._pending is not None:  # nested: the outer block commits
            yield
            return
        self._pending = pending = {}
        try:
            yield
        finally:
            self._pending = None
        if pending:
            self._insert(pending, promised=True)

    def label(self, namespace: str, entity: str, key: str, original: str,
              make_label: Callable[[int], str]) -> str:
        """Return the persistent label of a value, giving it the next unused index if new.

        Args:
            namespace: the label series (the label word, e.g. ``"Client"``).
            entity: the entity type, e.g. ``"PERSON"``.
            key: the value's normalised form.
            original: the value as it should be revealed.
            make_label: turns an index (0, 1, 2…) into label text ("Client A").

        Raises:
            StoreForgotten, TokenCollision, StoreCorrupt: as for :meth:`pseudonym`.
        """
        keys = self._data_keys()
        lookup = keys.label_lookup(namespace, entity, key)
        cached = self._labels.get((namespace, lookup))
        if cached is not None:
            return cached
        row = (namespace, entity, lookup)
        with db.errors(self._path):
            found = entries.find_label(self._conn, namespace, lookup)
            if found is None:
                with db.write(self._conn):
                    found = entries.find_label(self._conn, namespace, lookup)
                    if found is None:
                        self._still_active()
                        found = entries.add_label(self._conn, keys, row, original, make_label,
                                                  self._name)
        text, sealed = found
        entries.unseal(keys, sealed, f"label {text}", self._name, "label", namespace, text,
                       entity, lookup)
        self._labels[(namespace, lookup)] = text
        return text

    def reveal(self, token: str, reason: str) -> Revealed:
        """Return the original behind a pseudonym or label, after logging the access.

        Args:
            token: a pseudonym (any case) or a label such as ``"Client A"``.
            reason: why it is revealed (recorded in the audit log; must not be empty).

        Raises:
            ValueError: empty reason.
            StoreForgotten: the store's keys were destroyed.
            UnknownToken: no such pseudonym or label.
            StoreCorrupt: the entry was altered or damaged.
        """
        if not reason.strip():
            raise ValueError("a reason is required to reveal a value")
        keys = self._data_keys()
        with db.errors(self._path):
            found, entity, original = entries.lookup_token(self._conn, keys,
                                                           tokens.canonical(token), self._name)
            with db.write(self._conn):
                audit_log.append(self._conn, self._unlocked.audit_key, "reveal", found, reason)
        return Revealed(found, entity, original)

    def change_passphrase(self, new: str, *, kdf: crypto.KdfParams | None = None,
                          reason: str = "") -> None:
        """Re-wrap the keys under a new passphrase (entries are not re-encrypted).

        Raises:
            WeakPassphrase: the new passphrase is too short.
        """
        check_new_passphrase(new)
        params = kdf or crypto.KdfParams()
        salt = crypto.new_salt()
        unlocked = replace(self._unlocked, kdf=params, salt=salt,
                           kek=crypto.derive_kek(new, salt, params))
        with db.errors(self._path), db.write(self._conn):
            audit_log.append(self._conn, unlocked.audit_key, "passwd", "", reason)
            db.put_header(self._conn, header.build(unlocked))
        self._unlocked = unlocked
        self._checksum = self._read_checksum()

    def forget(self, reason: str = "") -> None:
        """Destroy the data key and every entry; keep the (still verifiable) audit log.

        Raises:
            StoreForgotten: it was already forgotten.
        """
        self._data_keys()
        unlocked = replace(self._unlocked, data_key=None)
        with db.errors(self._path):
            with db.write(self._conn):
                audit_log.append(self._conn, unlocked.audit_key, "forget", "", reason)
                self._conn.execute("DELETE FROM entries")
                self._conn.execute("DELETE FROM labels")
                db.put_header(self._conn, header.build(unlocked))
            try:  # shrink the file; deleted rows are already zeroed (secure_delete)
                self._conn.execute("VACUUM")
            except sqlite3.Error:
                pass
        self._unlocked, self._keys = unlocked, None
        self._tokens.clear()
        self._labels.clear()

    def audit(self) -> audit_log.AuditReport:
        """Return the access log and whether its chain verifies."""
        with db.errors(self._path):
            return audit_log.read(self._conn, self._unlocked.audit_key)

    def verify_entries(self) -> int:
        """Authenticate every entry and label; return how many there are.

        Raises:
            StoreCorrupt: naming the first entry that was altered.
        """
        if self._keys is None:
            return 0
        with db.errors(self._path):
            return entries.verify_all(self._conn, self._keys, self._name)

    def close(self) -> None:
        """Close the file; the instance can no longer be used."""
        self._conn.close()

    def __enter__(self) -> KeyStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KeyStore({self._name!r}, forgotten={self.forgotten})"

    # -- internals ---------------------------------------------------------------------------

    def _data_keys(self) -> DataKeys:
        if self._keys is None:
            raise StoreForgotten(f"key store {self._name} was forgotten; its keys are destroyed")
        return self._keys

    def _read_checksum(self) -> bytes:
        with db.errors(self._path):
            rows = self._conn.execute("SELECT checksum, body FROM header WHERE id = 1").fetchall()
        if not rows:
            raise StoreCorrupt(f"key store {self._name} lost its header")
        if self._keys is not None:
            try:
                forgotten = json.loads(rows[0][1])["data_key"] is None
            except (ValueError, TypeError, KeyError):
                raise StoreCorrupt(f"key store {self._name} has a damaged header") from None
            if forgotten:
                raise StoreForgotten(
                    f"key store {self._name} was forgotten; its keys are destroyed")
        return bytes(rows[0][0])

    def _insert(self, new: dict[bytes, _NewEntry], promised: bool = False) -> dict[bytes, str]:
        """Add new entries in one transaction; another process may have added some already.

        ``promised``: the tokens were already handed out (batch), so an entry that another
        process stored under a different token (a changed type name) is an error.
        """
        keys = self._data_keys()
        done: dict[bytes, str] = {}
        with db.errors(self._path), db.write(self._conn):
            self._still_active()
            for lookup, (row, original) in new.items():
                found = entries.find_entry(self._conn, lookup)
                if found is None:
                    found = entries.add_entry(self._conn, keys, row, original, self._name)
                elif found[0] != row[0] and promised:
                    raise TokenCollision(f"the pseudonym {row[0]} changed while in use in key "
                                         f"store {self._name}")
                done[lookup] = self._verified(keys, found, lookup)
        self._tokens.update(done)
        return done

    def _verified(self, keys: DataKeys, found: tuple[str, str, bytes], lookup: bytes) -> str:
        token, entity, sealed = found
        entries.unseal(keys, sealed, f"entry {token}", self._name, "entry", token, entity, lookup)
        return token

    def _still_active(self) -> None:
        """Inside a write: stop if another process forgot the store since we opened it."""
        rows = self._conn.execute("SELECT checksum FROM header WHERE id = 1").fetchall()
        if not rows or rows[0][0] != self._checksum:
            self._checksum = self._read_checksum()
