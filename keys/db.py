"""The SQLite file under the store: schema, connection settings, transactions, error mapping.

Durability and concurrency choices:

* Rollback journal (``journal_mode=DELETE``) rather than WAL, so that at rest the store is one
  file (no ``-wal``/``-shm`` companions to forget when copying it) and it also works on network
  drives, where WAL is unsafe. ``synchronous=FULL``: a committed mapping survives a crash or
  power cut. ``secure_delete=ON``: deleted or overwritten rows (old wrapped keys after
  ``passwd``, everything after ``forget``) are zeroed, not left in free pages.
* Every write is one short ``BEGIN IMMEDIATE`` transaction: one per new mapping (or per
  batch, e.g. one per document), reveal, ``passwd`` or ``forget``. With ``synchronous=FULL`` a
  commit costs a few fsyncs (about 5-20 ms on an ordinary disk), hence batches. A second
  process simply waits (busy timeout) for the first to commit;
  SQLite's locking never lets two writers interleave. After ``kill -9`` the next connection rolls
  back the unfinished transaction from its hot journal, so the store holds exactly the committed
  mappings.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from keys.errors import KeyStoreError, StoreCorrupt, StoreExists, StoreMissing
from keys.header import HeaderRow

#: SQLite ``application_id`` of a key store ("ANKS"), so tools such as ``file`` can tell.
APPLICATION_ID = 0x414E4B53
#: Seconds a process waits for another one's write to finish before giving up.
BUSY_TIMEOUT = 60.0

SCHEMA = """
CREATE TABLE header (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format TEXT NOT NULL, version INTEGER NOT NULL,
    body BLOB NOT NULL, mac BLOB NOT NULL, checksum BLOB NOT NULL
);
CREATE TABLE entries (
    lookup BLOB PRIMARY KEY, token TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL, sealed BLOB NOT NULL
);
CREATE TABLE labels (
    namespace TEXT NOT NULL, lookup BLOB NOT NULL, idx INTEGER NOT NULL,
    label TEXT NOT NULL UNIQUE, entity TEXT NOT NULL, sealed BLOB NOT NULL,
    PRIMARY KEY (namespace, lookup), UNIQUE (namespace, idx)
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY, time TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
    token TEXT NOT NULL, reason TEXT NOT NULL, mac BLOB NOT NULL
);
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, mac BLOB NOT NULL
);
"""


def connect(path: Path, busy_timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open an existing store file read-write (never creates one).

    Raises:
        StoreMissing: there is no file at ``path``.
        StoreCorrupt: the file is not an SQLite database.
    """
    if not path.is_file():
        raise StoreMissing(f"key store not found: {path.name}")
    with errors(path):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True,
                               timeout=busy_timeout, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=DELETE").fetchall()
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA schema_version").fetchall()  # fails on a non-database file
        except BaseException:
            conn.close()
            raise
    return conn


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the tables in an empty database (inside the caller's transaction)."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")


def create_file(path: Path, setup: Callable[[sqlite3.Connection], None],
                busy_timeout: float = BUSY_TIMEOUT) -> None:
    """Build a new store under a temporary name (mode 0600), then give it its name.

    The file appears complete or not at all, and never replaces an existing one.

    Raises:
        StoreExists: a file appeared at ``path`` meanwhile.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with errors(path):
            conn = connect(tmp, busy_timeout)
            try:
                with write(conn):
                    create_schema(conn)
                    setup(conn)
            finally:
                conn.close()
        _publish(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def put_header(conn: sqlite3.Connection, row: HeaderRow, insert: bool = False) -> None:
    """Store the header row (inside the caller's transaction)."""
    values = (row.format, row.version, row.body, row.mac, row.checksum)
    if insert:
        conn.execute("INSERT INTO header (id, format, version, body, mac, checksum) "
                     "VALUES (1, ?, ?, ?, ?, ?)", values)
    else:
        conn.execute("UPDATE header SET format = ?, version = ?, body = ?, mac = ?, "
                     "checksum = ? WHERE id = 1", values)


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE`` transaction: committed on success, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def errors(path: Path) -> Iterator[None]:
    """Turn SQLite failures into one-line key store errors that name only the file."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise KeyStoreError(
                f"key store {path.name} is busy (another run kept it locked); try again"
            ) from None
        if "readonly" in text or "read-only" in text:
            raise KeyStoreError(f"key store {path.name} cannot be written (read-only)") from None
        if "no such table" in text or "no such column" in text:
            raise StoreCorrupt(f"key store {path.name} is incomplete or not a key store") from None
        # SQLite's messages ("disk I/O error", "database or disk is full") never hold values:
        # every statement binds its values as parameters.
        raise KeyStoreError(f"key store {path.name} could not be used: {exc}") from None
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # our misuse (e.g. a closed store or another thread), not a damaged file
    except sqlite3.IntegrityError:
        raise StoreCorrupt(f"key store {path.name} has inconsistent entries") from None
    except sqlite3.DatabaseError:
        raise StoreCorrupt(f"key store {path.name} is damaged or not a key store") from None


def _publish(tmp: Path, path: Path) -> None:
    """Give the finished temporary file its final name without replacing anything."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise StoreExists(f"{path.name} already exists; choose a new file for the key store"
                          ) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise StoreExists(f"{path.name} already exists") from None
        os.replace(tmp, path)
    try:  # make the new name durable
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
