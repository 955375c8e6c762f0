from __future__ import annotations

import pytest

from keys import tokens


@pytest.mark.parametrize(
    "digest, code",
    [(bytes(8), "0000000000"), (b"\xff" * 8, "ZZZZZZZZZZ"),
     (b"\x08" + bytes(7), "1000000000"), (b"\x00\x00\x00\x00\x00\x00\x40\x00", "0000000001")],
)
def test_code_from_digest_known_answers(digest, code):
    assert tokens.code_from_digest(digest) == code


def test_code_uses_crockford_alphabet_only():
    code = tokens.code_from_digest(bytes(range(200, 232)))
    assert len(code) == tokens.CODE_LENGTH
    assert not set(code) & set("ILOU")


@pytest.mark.parametrize("prefix, ok", [("PERSON", True), ("NHS", True), ("B2", True),
                                        ("person", False), ("2B", False), ("", False),
                                        ("A-B", False), ("X" * 17, False)])
def test_make_token_prefix_rules(prefix, ok):
    if ok:
        assert tokens.make_token(prefix, bytes(32)) == f"{prefix}-0000000000"
    else:
        with pytest.raises(ValueError):
            tokens.make_token(prefix, bytes(32))


@pytest.mark.parametrize(
    "typed, canonical",
    [("person-7k2qf9xm3a", "PERSON-7K2QF9XM3A"), (" NHS-0I1L0O0000 ", "NHS-0111000000"),
     ("PERSON-7K2QF9XM3A", "PERSON-7K2QF9XM3A"), ("  Client   A ", "Client A"),
     ("PERSON-7K2QF9", "PERSON-7K2QF9"), ("Margaret Smith", "Margaret Smith")],
)
def test_canonical_forms(typed, canonical):
    assert tokens.canonical(typed) == canonical


@pytest.mark.parametrize("text, ok", [("NHS-0000000000", True), ("nhs-abcdefghjk", True),
                                      ("NHS-000000000", False), ("Client A", False),
                                      ("999 000 0018", False)])
def test_looks_like_token(text, ok):
    assert tokens.looks_like_token(text) is ok
