"""Tests for the strict-policy occupation recognizer."""

from __future__ import annotations

import pytest

from recognizers import occupations


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in occupations.find_occupations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From 1990 she worked as a ballet dancer for a national company.", ["ballet dancer"]),
        ("He was employed as an electrician in a private firm.", ["electrician"]),
        ("his licence to practise as a pharmacist was withdrawn", ["pharmacist"]),
        ("practised as a physician affiliated to the scheme", ["physician"]),
        ("The claimant, who is a university professor, married in 2001.", ["university professor"]),
        ("The claimant, who is a retired non-commissioned officer, lives in Exampleton.",
         ["retired non-commissioned officer"]),
        ("He was an accountant by profession.", ["accountant"]),
        ("She works as a Senior Care Assistant at a care home.", ["Senior Care Assistant"]),
    ],
)
def test_finds_cued_occupations(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The letter served as a reminder.",
        "She worked as a member of the panel.",
        "He is a teacher.",  # no cue that makes it an occupation for sure
        "The learner worked hard as ever.",
    ],
)
def test_ignores_uncued_or_figurative_phrases(text: str) -> None:
    assert _found(text) == []


def test_occupation_recognizer_is_strict_only() -> None:
    assert set(occupations.STRICT_RECOGNIZERS) == {"occupation.v1"}
    assert not hasattr(occupations, "RECOGNIZERS")
