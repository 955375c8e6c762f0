"""The store's header row: format, version, KDF, wrapped keys, and two integrity checks.

Layout (one row of the ``header`` table)::

    format    "anonymise-keystore"          checked first: is this our file at all?
    version   1                             newer than ours → UnsupportedVersion
    body      canonical JSON: kdf {name, n, r, p}, salt, created, data_key, audit_key
    mac       HMAC-SHA256(HKDF(KEK, "header-mac"), format ‖ version ‖ body)
    checksum  SHA-256(format ‖ version ‖ body ‖ mac)

* The checksum catches any damaged or edited byte without the passphrase, so a flipped byte is
  reported as a damaged store and never mistaken for a wrong passphrase.
* The MAC needs the passphrase-derived key (KEK): a mismatch after a good checksum means a
  wrong passphrase (or a deliberate edit, which cannot produce a working store either).
* ``data_key`` and ``audit_key`` are random 256-bit keys, each sealed (AES-256-GCM) under
  HKDF(KEK, "wrap") and bound to their name, the KDF parameters, salt and creation time.
  ``passwd`` re-seals them under a new KEK; ``forget`` drops ``data_key`` (crypto-shredding)
  but keeps ``audit_key`` so the access log stays verifiable.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

from keys import crypto
from keys.errors import StoreCorrupt, UnsupportedVersion, WrongPassphrase

FORMAT = "anonymise-keystore"
VERSION = 1


@dataclass(frozen=True, slots=True)
class HeaderRow:
    """The stored columns of the header."""

    format: str
    version: int
    body: bytes = field(repr=False)
    mac: bytes = field(repr=False)
    checksum: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class Unlocked:
    """What a correct passphrase opens. ``data_key`` is None once the store was forgotten."""

    kdf: crypto.KdfParams
    salt: bytes = field(repr=False)
    created: str
    kek: bytes = field(repr=False)
    data_key: bytes | None = field(repr=False)
    audit_key: bytes = field(repr=False)


def build(unlocked: Unlocked) -> HeaderRow:
    """Seal the keys of ``unlocked`` under its KEK and return the header row to store."""
    wrap = crypto.subkey(unlocked.kek, "wrap")
    context = _context(unlocked.kdf, unlocked.salt, unlocked.created)
    data = None
    if unlocked.data_key is not None:
        data = _b64(crypto.seal(wrap, unlocked.data_key, "data-key", *context))
    body = {
        "kdf": unlocked.kdf.to_dict(),
        "salt": _b64(unlocked.salt),
        "created": unlocked.created,
        "data_key": data,
        "audit_key": _b64(crypto.seal(wrap, unlocked.audit_key, "audit-key", *context)),
    }
    raw = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")
    mac = crypto.mac(crypto.subkey(unlocked.kek, "header-mac"), FORMAT, VERSION, raw)
    return HeaderRow(FORMAT, VERSION, raw, mac, crypto.checksum(FORMAT, VERSION, raw, mac))


def check_format(format: object, version: object, name: str) -> None:
    """Check the ``format`` and ``version`` columns (every future version keeps both).

    Raises:
        StoreCorrupt: not a key store, or a damaged version number.
        UnsupportedVersion: written by a newer anonymise.
    """
    if format != FORMAT:
        raise StoreCorrupt(f"{name} is not an anonymise key store")
    if not isinstance(version, int) or version < 1:
        raise StoreCorrupt(f"key store {name} has a damaged header")
    if version > VERSION:
        raise UnsupportedVersion(
            f"key store {name} has format version {version}; this anonymise reads up to "
            f"{VERSION} (upgrade anonymise)")


def unlock(row: HeaderRow, passphrase: str, name: str) -> Unlocked:
    """Check the header and open its keys with ``passphrase``.

    Args:
        row: the stored header.
        passphrase: the user's passphrase.
        name: the store's file name, for messages.

    Raises:
        StoreCorrupt: not a key store, or the header is damaged or edited.
        UnsupportedVersion: written by a newer anonymise.
        WrongPassphrase: the passphrase does not open the header.
    """
    check_format(row.format, row.version, name)
    if not all(isinstance(v, bytes) for v in (row.body, row.mac, row.checksum)) or not (
        crypto.mac_equal(row.checksum, crypto.checksum(FORMAT, VERSION, row.body, row.mac))
    ):
        raise StoreCorrupt(f"key store {name} has a damaged or edited header")
    try:
        body = json.loads(row.body.decode("ascii"))
        kdf = crypto.KdfParams.from_dict(body["kdf"])
        salt = base64.b64decode(body["salt"], validate=True)
        created = str(body["created"])
        sealed_data = None if body["data_key"] is None else _unb64(body["data_key"])
        sealed_audit = _unb64(body["audit_key"])
        kek = crypto.derive_kek(passphrase, salt, kdf)
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise StoreCorrupt(f"key store {name} has a damaged header") from None
    expected = crypto.mac(crypto.subkey(kek, "header-mac"), FORMAT, VERSION, row.body)
    if not crypto.mac_equal(expected, row.mac):
        raise WrongPassphrase(f"wrong passphrase for key store {name}")
    wrap = crypto.subkey(kek, "wrap")
    context = _context(kdf, salt, created)
    try:
        data_key = None
        if sealed_data is not None:
            data_key = crypto.unseal(wrap, sealed_data, "data-key", *context)
        audit_key = crypto.unseal(wrap, sealed_audit, "audit-key", *context)
    except crypto.SealError:
        raise StoreCorrupt(f"key store {name} has a damaged header") from None
    return Unlocked(kdf, salt, created, kek, data_key, audit_key)


def _context(kdf: crypto.KdfParams, salt: bytes, created: str) -> tuple[Any, ...]:
    return (FORMAT, VERSION, kdf.n, kdf.r, kdf.p, salt, created)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text, validate=True)
