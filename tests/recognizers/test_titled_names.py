"""Tests for the strict-policy recognizer of titled names in any alphabet."""

from __future__ import annotations

import pytest

from recognizers import titled_names


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in titled_names.find_titled_names(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lodged by Mr Oğuz Köseoğlu (“the applicant”)", ["Mr Oğuz Köseoğlu"]),
        ("Ms Czesława Nowak, a national of", ["Ms Czesława Nowak"]),
        ("their Agent, Mr C.-H. Lindqvist, of the Ministry", ["Mr C.-H. Lindqvist"]),
        ("Mr Ahmet Ali Kaya Demir (“the applicant”)", ["Mr Ahmet Ali Kaya Demir"]),
    ],
)
def test_finds_names_the_default_title_rule_cannot_read(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", ["Mrs Patel said", "Dr K. Thompson called", "Mr O'Brien-McDonald"])
def test_leaves_latin_1_names_to_the_default_rule(text: str) -> None:
    assert _found(text) == []


def test_reports_a_type_only_the_strict_policy_reads() -> None:
    recognizer = titled_names.STRICT_RECOGNIZERS["titled_name.v1"]()
    [result] = recognizer.analyze("Mr Oğuz Köseoğlu", entities=[titled_names.STRICT_PERSON])
    assert result.entity_type == "STRICT_PERSON" != "PERSON"
