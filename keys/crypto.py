"""The key store's cryptographic recipes: the only module that imports ``cryptography``.

Like Fernet, the surface offers no choices: one KDF (scrypt), one key size (256 bits), one
AEAD (AES-256-GCM with a fresh random 96-bit nonce per message), HKDF-SHA256 subkeys with a
purpose label, and HMAC-SHA256. Every input that is authenticated is first *framed*: each part
is length-prefixed, so ``("ab", "c")`` and ``("a", "bc")`` can never be confused.

* :func:`derive_kek` turns a passphrase into a key-encryption key (scrypt; parameters and
  salt stored in the store's header).
* :func:`subkey` derives one independent key per purpose from a 256-bit key.
* :func:`seal` / :func:`unseal` encrypt and authenticate a value together with its context
  (associated data); every failure of :func:`unseal` is one :class:`SealError`, with no detail.
* :func:`mac` / :func:`mac_equal` authenticate framed parts (constant-time comparison).
"""

from __future__ import annotations

import hmac
import os
import unicodedata
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

#: Size in bytes of every key (256 bits).
KEY_BYTES = 32
#: Size in bytes of a KDF salt.
SALT_BYTES = 16
_NONCE_BYTES = 12
_TAG_BYTES = 16
_HKDF_PREFIX = b"anonymise-keystore/v1/"

Part = bytes | str | int


class SealError(Exception):
    """A sealed value failed authentication (wrong key, wrong context or altered bytes)."""


@dataclass(frozen=True, slots=True)
class KdfParams:
    """scrypt cost parameters. The defaults cost about 128 MiB and half a second.

    Lower costs exist for tests only and must be asked for explicitly; a store keeps the
    parameters it was created (or last re-keyed) with.
    """

    n: int = 2**17
    r: int = 8
    p: int = 1

    def __post_init__(self) -> None:
        if not (2**10 <= self.n <= 2**20 and self.n & (self.n - 1) == 0):
            raise ValueError("scrypt n must be a power of two between 2**10 and 2**20")
        if not (1 <= self.r <= 32 and 1 <= self.p <= 16):
            raise ValueError("scrypt r must be 1-32 and p 1-16")
        if 128 * self.n * self.r > 2**30:
            raise ValueError("scrypt parameters would need more than 1 GiB of memory")

    def to_dict(self) -> dict[str, Any]:
        """Serialisable form, as stored in the header."""
        return {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        """Inverse of :meth:`to_dict`.

        Raises:
            ValueError: unknown KDF or out-of-range parameters.
        """
        if data.get("name") != "scrypt":
            raise ValueError("unknown KDF")
        values = [data.get(k) for k in ("n", "r", "p")]
        if not all(type(v) is int for v in values):
            raise ValueError("KDF parameters must be integers")
        return cls(*values)


def new_key() -> bytes:
    """Return a fresh random 256-bit key."""
    return os.urandom(KEY_BYTES)


def new_salt() -> bytes:
    """Return a fresh random KDF salt."""
    return os.urandom(SALT_BYTES)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Derive the key-encryption key from a passphrase (NFC-normalised, UTF-8) with scrypt."""
    if len(salt) != SALT_BYTES:
        raise ValueError("salt has the wrong length")
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=params.n, r=params.r, p=params.p)
    return kdf.derive(secret)


def subkey(key: bytes, purpose: str) -> bytes:
    """Derive the 256-bit subkey of ``key`` for one ``purpose`` (HKDF-SHA256, no salt)."""
    _check_key(key)
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=_HKDF_PREFIX + purpose.encode("ascii"))
    return hkdf.derive(key)


def frame(*parts: Part) -> bytes:
    """Encode parts unambiguously: each is a 4-byte length then its bytes.

    Strings are UTF-8; integers are 8-byte big-endian (non-negative).
    """
    out = bytearray()
    for part in parts:
        if isinstance(part, str):
            data = part.encode("utf-8")
        elif isinstance(part, int):
            data = part.to_bytes(8, "big")
        else:
            data = bytes(part)
        out += len(data).to_bytes(4, "big") + data
    return bytes(out)


def mac(key: bytes, *parts: Part) -> bytes:
    """HMAC-SHA256 of the framed parts."""
    _check_key(key)
    return hmac.new(key, frame(*parts), sha256).digest()


def mac_equal(a: bytes, b: bytes) -> bool:
    """Compare two MACs in constant time."""
    return hmac.compare_digest(a, b)


def checksum(*parts: Part) -> bytes:
    """Unkeyed SHA-256 of the framed parts (detects accidental damage, not forgery)."""
    return sha256(frame(*parts)).digest()


def seal(key: bytes, plaintext: bytes, *context: Part) -> bytes:
    """Encrypt and authenticate ``plaintext`` bound to ``context``; return nonce ‖ ciphertext."""
    _check_key(key)
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, frame(*context))


def unseal(key: bytes, blob: bytes, *context: Part) -> bytes:
    """Return the plaintext of a :func:`seal` output made with the same key and context.

    Raises:
        SealError: the blob is malformed, altered, or was sealed with another key or context.
    """
    _check_key(key)
    if not isinstance(blob, bytes) or len(blob) < _NONCE_BYTES + _TAG_BYTES:
        raise SealError()
    try:
        return AESGCM(key).decrypt(blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], frame(*context))
    except InvalidTag:
        raise SealError() from None


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError("keys must be 32 bytes")
