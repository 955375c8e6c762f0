"""The tamper-evident access log: every reveal, passphrase change and forget.

Each entry holds the time (UTC, ISO 8601), the OS user, the action, the token concerned and
the user's reason — never an original value. Entries form a hash chain keyed with the audit
key::

    mac[i] = HMAC(audit_key, mac[i-1] ‖ seq ‖ time ‖ user ‖ action ‖ token ‖ reason)

with 32 zero bytes before the first. A separate head row holds the entry count and
``HMAC(audit_key, "head" ‖ count ‖ mac[count])``, so removing the newest entries is detected as
well as editing, removing or reordering any other. Without the passphrase nobody can forge an
entry that verifies. The audit key is a random key of its own (wrapped in the header beside the
data key), so the log stays verifiable after ``forget`` has destroyed the data key. Restoring an
older copy of the whole file (log and head together) cannot be told apart from that older
state; keep the store on storage whose backups you control.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from keys import crypto
from keys.errors import StoreCorrupt

GENESIS = bytes(crypto.KEY_BYTES)
ACTIONS = ("init", "reveal", "passwd", "forget")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the access log."""

    seq: int
    time: str
    user: str
    action: str
    token: str
    reason: str

    def fields(self) -> tuple[int, str, str, str, str, str]:
        """The authenticated fields, in chain order."""
        return (self.seq, self.time, self.user, self.action, self.token, self.reason)


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The log and the result of checking its chain. ``problem`` is None when intact."""

    entries: tuple[AuditEntry, ...]
    problem: str | None

    @property
    def intact(self) -> bool:
        """True when every entry and the head verified."""
        return self.problem is None


def current_user() -> str:
    """The OS user name, or ``"unknown"`` when the system cannot tell."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises OSError/KeyError without a user entry
        return "unknown"


def utc_now() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def append(conn: sqlite3.Connection, key: bytes, action: str, token: str, reason: str) -> None:
    """Add an entry; the caller holds the write transaction that makes it durable."""
    if action not in ACTIONS:
        raise ValueError("unknown audit action")
    head = conn.execute("SELECT count FROM audit_head WHERE id = 1").fetchall()
    if not head or not isinstance(head[0][0], int):
        raise StoreCorrupt("the key store's audit log has lost its head record")
    count = head[0][0]
    prev = _last_mac(conn, count)
    entry = AuditEntry(count + 1, utc_now(), current_user(), action, token,
                       " ".join(reason.split()))
    mac = crypto.mac(key, prev, *entry.fields())
    conn.execute("INSERT INTO audit (seq, time, user, action, token, reason, mac) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)", (*entry.fields(), mac))
    conn.execute("UPDATE audit_head SET count = ?, mac = ? WHERE id = 1",
                 (entry.seq, crypto.mac(key, "head", entry.seq, mac)))


def start(conn: sqlite3.Connection, key: bytes) -> None:
    """Create the empty log's head row."""
    conn.execute("INSERT INTO audit_head (id, count, mac) VALUES (1, 0, ?)",
                 (crypto.mac(key, "head", 0, GENESIS),))


def read(conn: sqlite3.Connection, key: bytes) -> AuditReport:
    """Read the whole log and verify its chain."""
    rows = conn.execute(
        "SELECT seq, time, user, action, token, reason, mac FROM audit ORDER BY seq").fetchall()
    head = conn.execute("SELECT count, mac FROM audit_head WHERE id = 1").fetchall()
    return verify(rows, head[0] if head else None, key)


def verify(
    rows: Sequence[tuple[object, ...]], head: tuple[object, ...] | None, key: bytes
) -> AuditReport:
    """Check a log's rows (ordered by seq) and head row against the audit key (pure).

    Every row is reported (so the log can be shown); ``problem`` names the first failure.
    """
    entries: list[AuditEntry] = []
    prev = GENESIS
    problem: str | None = None
    for number, row in enumerate(rows, start=1):
        entry = AuditEntry(*row[:6])  # type: ignore[arg-type]
        try:
            valid = (entry.seq == number and isinstance(row[6], bytes)
                     and crypto.mac_equal(row[6], crypto.mac(key, prev, *entry.fields())))
        except (TypeError, AttributeError):
            valid = False
        if not valid:
            problem = problem or f"audit entry {number} was altered, removed or reordered"
        if isinstance(row[0], int):
            entries.append(AuditEntry(row[0], *(str(v) for v in row[1:6])))
        prev = row[6] if isinstance(row[6], bytes) else GENESIS
    if problem is None:
        if head is None:
            problem = "the audit log's head record is missing"
        elif head[0] != len(rows):
            problem = "entries at the end of the audit log were removed"
        elif not (isinstance(head[1], bytes) and crypto.mac_equal(
                head[1], crypto.mac(key, "head", len(rows), prev))):
            problem = "the audit log's head record was altered"
    return AuditReport(tuple(entries), problem)


def _last_mac(conn: sqlite3.Connection, count: int) -> bytes:
    if count == 0:
        return GENESIS
    rows = conn.execute("SELECT mac FROM audit WHERE seq = ?", (count,)).fetchall()
    return rows[0][0] if rows else GENESIS
