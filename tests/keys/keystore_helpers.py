"""Constants and helpers shared by the key store tests (imported by name; not a conftest)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from keys import KdfParams

PASSPHRASE = "correct horse battery"
#: Cheap scrypt cost for tests; the default (2**17) is never lowered.
FAST = KdfParams(n=2**10, r=8, p=1)

#: Synthetic originals of several types (reserved ranges, NHS 999 test range).
ORIGINALS = [
    ("PERSON", "margaret o'neill", "PERSON"),
    ("PERSON", "siân ap dafydd", "PERSON"),
    ("UK_NHS", "999 000 0018", "NHS"),
    ("UK_POSTCODE", "W3 6QH", "POSTCODE"),
    ("PHONE_NUMBER", "020 7946 0123", "PHONE"),
    ("EMAIL_ADDRESS", "j.bloggs@example.org", "EMAIL"),
    ("UK_NINO", "QQ 12 34 56 C", "NINO"),
]


def raw(path: Path) -> sqlite3.Connection:
    """A plain SQLite connection for editing the file behind the store's back."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")  # test edits need no durability
    return conn


def flip(data: bytes, index: int) -> bytes:
    """``data`` with one bit of byte ``index`` flipped."""
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]
