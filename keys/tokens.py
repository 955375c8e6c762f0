"""Readable typed pseudonyms: ``PREFIX-CODE`` with a Crockford base32 code.

A token is ``<PREFIX>-<CODE>``: the prefix names the kind of value (``PERSON``, ``POSTCODE``…,
chosen by the caller), the code is the first 50 bits of a keyed HMAC written as 10 Crockford
base32 characters (digits and capitals without I, L, O, U), e.g. ``PERSON-7K2QF9XM3A``. With
50 bits, a collision within one type stays below one in a million up to about 47,000 distinct
values of that type; a collision is refused by the store, never reused.

When a user types a token back (``anonymise keys reveal``), case does not matter and the
look-alike letters O, I and L are read as 0, 1 and 1.
"""

from __future__ import annotations

import re

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: Number of base32 characters in a token's code (5 bits each).
CODE_LENGTH = 10
_PREFIX = re.compile(r"[A-Z][A-Z0-9]{0,15}")
_TYPED = re.compile(rf"([A-Za-z][A-Za-z0-9]{{0,15}})-([0-9A-Za-z]{{{CODE_LENGTH}}})")
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def code_from_digest(digest: bytes, length: int = CODE_LENGTH) -> str:
    """Return the first ``length`` Crockford base32 characters of ``digest``."""
    if len(digest) * 8 < length * 5:
        raise ValueError("digest too short for the requested code length")
    value = int.from_bytes(digest, "big") >> (len(digest) * 8 - length * 5)
    chars = []
    for _ in range(length):
        value, rem = divmod(value, 32)
        chars.append(ALPHABET[rem])
    return "".join(reversed(chars))


def make_token(prefix: str, digest: bytes) -> str:
    """Build ``PREFIX-CODE`` from a prefix (capitals and digits, ≤ 16) and an HMAC digest."""
    if not _PREFIX.fullmatch(prefix):
        raise ValueError("a token prefix is 1-16 capitals or digits, starting with a letter")
    return f"{prefix}-{code_from_digest(digest)}"


def looks_like_token(text: str) -> bool:
    """True when ``text`` has the shape of a typed pseudonym (any case)."""
    return _TYPED.fullmatch(text.strip()) is not None


def canonical(text: str) -> str:
    """Canonical form of user input: a token in capitals with look-alikes fixed, else a label.

    Labels (``"Client A"``) keep their case; their whitespace is collapsed.
    """
    stripped = " ".join(text.split())
    match = _TYPED.fullmatch(stripped)
    if match is None:
        return stripped
    return f"{match.group(1).upper()}-{match.group(2).upper().translate(_LOOKALIKES)}"
