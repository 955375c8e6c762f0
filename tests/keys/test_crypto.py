from __future__ import annotations

import pytest

from keys import crypto
from keys.crypto import KdfParams, SealError

KEY = bytes(range(32))
OTHER = bytes(range(1, 33))


def test_frame_is_unambiguous():
    assert crypto.frame("ab", "c") != crypto.frame("a", "bc")
    assert crypto.frame("a", "") != crypto.frame("a")
    assert crypto.frame(1) != crypto.frame("1")


def test_seal_round_trip_and_fresh_nonce():
    a = crypto.seal(KEY, b"999 000 0018", "entry", "NHS-X")
    b = crypto.seal(KEY, b"999 000 0018", "entry", "NHS-X")
    assert a != b
    assert crypto.unseal(KEY, a, "entry", "NHS-X") == b"999 000 0018"
    assert b"999" not in a


@pytest.mark.parametrize("key, context", [(OTHER, ("entry", "NHS-X")), (KEY, ("entry", "NHS-Y")),
                                          (KEY, ("entry",)), (KEY, ("label", "NHS-X"))])
def test_unseal_refuses_other_key_or_context(key, context):
    blob = crypto.seal(KEY, b"value", "entry", "NHS-X")
    with pytest.raises(SealError):
        crypto.unseal(key, blob, *context)


def test_unseal_detects_every_flipped_byte():
    blob = crypto.seal(KEY, b"value", "ctx")
    for i in range(len(blob)):
        with pytest.raises(SealError):
            crypto.unseal(KEY, blob[:i] + bytes([blob[i] ^ 0x80]) + blob[i + 1 :], "ctx")
    with pytest.raises(SealError):
        crypto.unseal(KEY, blob[:20], "ctx")


def test_subkeys_differ_per_purpose_and_are_stable():
    assert crypto.subkey(KEY, "seal") == crypto.subkey(KEY, "seal")
    assert len({crypto.subkey(KEY, p) for p in ("seal", "pseudonym", "lookup", "wrap")}) == 4
    assert crypto.subkey(KEY, "seal") != crypto.subkey(OTHER, "seal")


def test_mac_and_equal():
    assert crypto.mac_equal(crypto.mac(KEY, "a", 1), crypto.mac(KEY, "a", 1))
    assert not crypto.mac_equal(crypto.mac(KEY, "a", 1), crypto.mac(OTHER, "a", 1))


@pytest.mark.parametrize("bad", [b"short", "a string" * 4, bytes(31)])
def test_keys_must_be_32_bytes(bad):
    with pytest.raises(ValueError):
        crypto.seal(bad, b"x")  # type: ignore[arg-type]


def test_default_kdf_cost_is_not_lowered():
    params = KdfParams()
    assert params.n >= 2**17 and params.r >= 8 and params.p >= 1


@pytest.mark.parametrize(
    "n, r, p, ok",
    [(2**10, 8, 1, True), (2**17, 8, 1, True), (2**20, 8, 1, True), (2**9, 8, 1, False),
     (2**21, 8, 1, False), (3000, 8, 1, False), (2**10, 0, 1, False), (2**10, 8, 0, False),
     (2**20, 16, 1, False)],
)
def test_kdf_params_bounds(n, r, p, ok):
    if ok:
        assert KdfParams(n, r, p).n == n
    else:
        with pytest.raises(ValueError):
            KdfParams(n, r, p)


def test_kdf_params_from_dict_refuses_unknown_kdf():
    assert KdfParams.from_dict({"name": "scrypt", "n": 1024, "r": 8, "p": 1}) == KdfParams(1024)
    with pytest.raises(ValueError):
        KdfParams.from_dict({"name": "pbkdf2", "n": 1024, "r": 8, "p": 1})
    with pytest.raises(ValueError):
        KdfParams.from_dict({"name": "scrypt", "n": "1024", "r": 8, "p": 1})


def test_derive_kek_normalises_unicode_and_uses_salt():
    fast = KdfParams(n=2**10)
    salt = bytes(16)
    composed, decomposed = "caf\u00e9 passphrase", "cafe\u0301 passphrase"
    assert crypto.derive_kek(composed, salt, fast) == crypto.derive_kek(decomposed, salt, fast)
    assert crypto.derive_kek(composed, salt, fast) != crypto.derive_kek(composed, bytes([1]) * 16,
                                                                        fast)
