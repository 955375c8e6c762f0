"""Tests for the strict policy's clean-up, and that the default policy is unaffected by it."""

from __future__ import annotations

import pytest

import recognizers
from pipeline.config import Settings
from pipeline.model import Detection
from pipeline.resolve import _STRICT_ONLY, resolve
from pipeline.strict import strict_cleanup


def _det(text: str, value: str, entity: str, score: float = 0.85) -> Detection:
    i = text.index(value)
    return Detection(i, i + len(value), entity, score)


def _surfaces(text: str, detections: list[Detection]) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.entity) for d in sorted(detections)]


def test_articles_possessives_and_unclosed_brackets_are_trimmed() -> None:
    text = "the Exampleton Council's decision of the Exampleton Board (Rule 5)"
    dets = [_det(text, "the Exampleton Council's", "ORGANIZATION"),
            _det(text, "the Exampleton Board (Rule", "ORGANIZATION")]
    assert _surfaces(text, strict_cleanup(text, dets)) == [
        ("Exampleton Council", "ORGANIZATION"), ("Exampleton Board", "ORGANIZATION")]


def test_public_bodies_and_what_lies_inside_them_are_kept() -> None:
    text = "the Court of Appeal stated that the Fourth Section (Rule 25) and Jane Roe agreed."
    dets = [_det(text, "the Court of Appeal", "ORGANIZATION"), _det(text, "Appeal", "PERSON"),
            _det(text, "the Fourth Section (Rule", "ORGANIZATION"), _det(text, "Jane Roe", "PERSON")]
    assert _surfaces(text, strict_cleanup(text, dets)) == [("Jane Roe", "PERSON")]


def test_a_public_body_of_a_place_is_local() -> None:
    text = "before the District Court of Exampleton, then the Crown Court in Sampleford."
    dets = [_det(text, "the District Court", "ORGANIZATION"), _det(text, "Exampleton", "LOCATION"),
            _det(text, "the Crown Court", "ORGANIZATION"), _det(text, "Sampleford", "LOCATION")]
    found = _surfaces(text, strict_cleanup(text, dets))
    assert ("District Court of Exampleton", "ORGANIZATION") in found
    assert ("Crown Court in Sampleford", "ORGANIZATION") in found


def test_a_bracketed_name_joins_the_body_but_a_definition_does_not() -> None:
    text = ("the Exampleton Labour Court (Arbeitsgericht Exampleton) and the "
            "Sampleford Council (“the Council”) and Sampleford Bank (see above)")
    dets = [_det(text, "Exampleton Labour Court", "ORGANIZATION"),
            _det(text, "Sampleford Council", "ORGANIZATION"),
            _det(text, "Sampleford Bank", "ORGANIZATION")]
    assert _surfaces(text, strict_cleanup(text, dets)) == [
        ("Exampleton Labour Court (Arbeitsgericht Exampleton)", "ORGANIZATION"),
        ("Sampleford Council", "ORGANIZATION"), ("Sampleford Bank", "ORGANIZATION")]


def test_strict_person_becomes_person_and_law_dates_are_kept() -> None:
    text = "Mr Oğuz Köseoğlu was dismissed on 2 May 2005 under an Act which came into force on 1 May 2004."
    dets = [_det(text, "Mr Oğuz Köseoğlu", "STRICT_PERSON"), _det(text, "2 May 2005", "DATE_TIME"),
            _det(text, "1 May 2004", "DATE_TIME")]
    assert _surfaces(text, strict_cleanup(text, dets)) == [
        ("Mr Oğuz Köseoğlu", "PERSON"), ("2 May 2005", "DATE_TIME")]


_TEXT = ("Jane Roe, who is a retired nurse, was fined EUR 4,000 (40%) by the Court of Appeal, aged 87, "
         "in case no. 12345/06; Mr Oğuz Köseoğlu and the Exampleton Labour Court agreed.")


def _strict_only_detections() -> list[Detection]:
    return [_det(_TEXT, "retired nurse", "OCCUPATION"), _det(_TEXT, "EUR 4,000", "MONEY"),
            _det(_TEXT, "40%", "PERCENTAGE"), _det(_TEXT, "the Court of Appeal", "ORGANIZATION"),
            _det(_TEXT, "Appeal", "PERSON"), _det(_TEXT, "87", "AGE"),
            _det(_TEXT, "12345/06", "CASE_NUMBER"), _det(_TEXT, "Mr Oğuz Köseoğlu", "STRICT_PERSON"),
            _det(_TEXT, "Exampleton Labour Court", "ORGANIZATION")]


@pytest.mark.parametrize("keep_dates", [True, False])
def test_default_policy_ignores_everything_strict_adds(keep_dates: bool) -> None:
    settings = Settings(keep_dates=keep_dates)
    base = [_det(_TEXT, "Jane Roe", "PERSON", 0.9)]
    alone = resolve(_TEXT, base, settings)
    with_strict = resolve(_TEXT, base + [d for d in _strict_only_detections() if d.entity != "PERSON"],
                          settings)
    assert with_strict == alone
    assert [(m.start, m.end) for m in alone.people] == [(0, 8)] and not alone.others


def test_strict_policy_replaces_what_it_adds() -> None:
    base = [_det(_TEXT, "Jane Roe", "PERSON", 0.9)]
    out = resolve(_TEXT, base + _strict_only_detections(), Settings(policy="strict"))
    spans = [(m.start, m.end) for m in out.people] + [(d.start, d.end) for d in out.others]
    found = sorted(_TEXT[s:e] for s, e in spans)
    assert found == sorted(["Jane Roe", "retired nurse", "EUR 4,000", "40%", "87", "12345/06",
                            "Mr Oğuz Köseoğlu", "Exampleton Labour Court"])


def test_every_strict_recognizer_reports_only_types_the_default_policy_ignores() -> None:
    """The strict recognizers (other than dates) must not change default-policy output."""
    for recognizer in recognizers.build_strict():
        if recognizer.supported_entities == ["DATE_TIME"]:
            continue
        assert set(recognizer.supported_entities) <= _STRICT_ONLY, recognizer.name


@pytest.mark.slow
def test_end_to_end_default_keeps_and_strict_replaces() -> None:
    from pipeline.api import Anonymiser

    text = ("Jane Roe, who is a retired nurse, was fined EUR 4,000 by the Court of Appeal in 2019. "
            "She was 40% disabled and worked as a cleaner at Ashworth Prison.")
    strict_only = ["retired nurse", "EUR 4,000", "40%", "cleaner", "Ashworth Prison"]
    default = Anonymiser.load(Settings()).anonymise_text(text).text
    strict = Anonymiser.load(Settings(policy="strict")).anonymise_text(text).text
    assert "Jane Roe" not in default and all(value in default for value in strict_only)
    assert "Court of Appeal" in strict and not any(value in strict for value in strict_only)


@pytest.mark.parametrize("keep_dates, replaced", [(True, False), (False, True)])
def test_default_policy_replaces_dates_only_when_keep_dates_is_off(keep_dates, replaced) -> None:
    text = "Jane Roe visited on 3 March 2025."
    dets = [_det(text, "Jane Roe", "PERSON", 0.9), _det(text, "3 March 2025", "DATE_TIME")]
    out = resolve(text, dets, Settings(keep_dates=keep_dates))
    assert [text[d.start : d.end] for d in out.others] == (["3 March 2025"] if replaced else [])


def test_keep_dates_off_adds_only_the_date_recognizer() -> None:
    assert [r.supported_entities for r in recognizers.build_dates()] == [["DATE_TIME"]]
