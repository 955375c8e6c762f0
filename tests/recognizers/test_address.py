"""Tests for the UK street-address recognizer and the street-suffix helper."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from recognizers import address
from recognizers.address import ends_with_street_suffix
from recognizers.entities import ADDRESS


@pytest.fixture(scope="module")
def recognizer() -> address.UkAddressRecognizer:
    return address.RECOGNIZERS["uk_address.v1"]()


def _found(recognizer: address.UkAddressRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=[ADDRESS], nlp_artifacts=None)
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # anchored on a postcode: one span over the whole address
        (
            "She lives at Flat 2, 41 Kingsley Avenue, Acton, London W3 6QH.",
            ["Flat 2, 41 Kingsley Avenue, Acton, London W3 6QH"],
        ),
        (
            "27 Harbour Road, Watchet, Somerset TA23 0DZ",
            ["27 Harbour Road, Watchet, Somerset TA23 0DZ"],
        ),
        ("Flat 3, 14 Kingsley Close, Leeds LS6 2AB", ["Flat 3, 14 Kingsley Close, Leeds LS6 2AB"]),
        (
            "Ms A Nowak\n14 Kingsley Close\nHeadingley\nLeeds\nLS6 2AB\n",
            ["14 Kingsley Close\nHeadingley\nLeeds\nLS6 2AB"],
        ),
        (
            "Rose Cottage, Mill Lane, Watchet TA23 0DZ",
            ["Rose Cottage, Mill Lane, Watchet TA23 0DZ"],
        ),
        ("Address: 3 The Green, Ashby LE65 1AB", ["3 The Green, Ashby LE65 1AB"]),
        ("The Green, Ashby LE65 1AB", ["The Green, Ashby LE65 1AB"]),
        (
            "The Old Rectory, Mill Lane, Watchet TA23 0DZ",
            ["The Old Rectory, Mill Lane, Watchet TA23 0DZ"],
        ),
        ("The manager, Leeds LS6 2AB", ["Leeds LS6 2AB"]),
        ("Client lives in Leeds LS6 2AB", ["Leeds LS6 2AB"]),
        ("Watchet,\nSomerset\nTA23 0DZ", ["Watchet,\nSomerset\nTA23 0DZ"]),
        # a line above a bare town is not taken in without a street
        ("Ayla Brook\nLeeds\nLS6 2AB", ["Leeds\nLS6 2AB"]),
        # no postcode: house number + capitalised words + street suffix
        ("She lives at 9 Mill Lane.", ["9 Mill Lane"]),
        ("They moved to 27 Harbour Road, Watchet, last year.", ["27 Harbour Road, Watchet"]),
        ("27 Harbour Road, Watchet", ["27 Harbour Road, Watchet"]),
        ("I live at 9 Mill Lane, Ayla said", ["9 Mill Lane"]),  # not a town: a clause goes on
        ("Flat 3, 14 Kingsley Close", ["Flat 3, 14 Kingsley Close"]),
        ("3 The Green, Ashby.", ["3 The Green, Ashby"]),
        ("Unit 4, 9 Mill Lane", ["Unit 4, 9 Mill Lane"]),
        ("12-14 High St, Minehead", ["12-14 High St, Minehead"]),
        ("21a Station Road\nWatchet", ["21a Station Road"]),
        (
            "Visit 3 Church Street, Stratford-upon-Avon, today",
            ["3 Church Street, Stratford-upon-Avon"],
        ),
        ("5 St John's Road", ["5 St John's Road"]),
    ],
)
def test_address_found(
    recognizer: address.UkAddressRecognizer, text: str, expected: list[str]
) -> None:
    assert _found(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Unit 204 Principles of Safeguarding",
        "Level 3 Diploma",
        "She attended 42 sessions.",
        "Room 4",
        "2 Way",
        "Mental Capacity Act 2005",
        "We met on 3 May.",
        "Level 2 Green Park",
        "see page 3 Park Road",
        "Harbour Road",  # a street without a number is not an address on its own
        "Postcode: TA23 0DZ",  # the postcode recognizer reports this, not an address
        "He scored 12 on the Waterlow Scale",
        "aged 3 Green Lane",
    ],
)
def test_address_not_found(recognizer: address.UkAddressRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


def test_address_scores_rank_the_rules() -> None:
    anchored = address.find_addresses("9 Mill Lane, Watchet TA23 0DZ")[0].score
    town_only = address.find_addresses("Watchet TA23 0DZ")[0].score
    street = address.find_addresses("9 Mill Lane")[0].score
    with_context = address.find_addresses("Her address is 9 Mill Lane")[0].score
    assert anchored > town_only >= 0.5
    assert anchored > street >= 0.5
    assert with_context > street


def test_address_spans_do_not_overlap() -> None:
    found = address.find_addresses("27 Harbour Road, Watchet, Somerset TA23 0DZ")
    assert len(found) == 1


def test_address_other_entities_are_ignored(recognizer: address.UkAddressRecognizer) -> None:
    assert recognizer.analyze("9 Mill Lane", entities=["PERSON"], nlp_artifacts=None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour Road", True),
        ("Kingsley Close", True),
        ("Mill Lane", True),
        ("Station Rd", True),
        ("9 Park View", True),
        ("The Green", True),
        ("Road", True),
        ("Harbour Road.", True),
        ("Mr Wood", False),
        ("Mrs Green", False),
        ("Ayla Lane", False),  # Lane is also a surname
        ("Wood", False),
        ("Margaret", False),
        ("Dr Hill", False),
        ("", False),
    ],
)
def test_ends_with_street_suffix(text: str, expected: bool) -> None:
    assert ends_with_street_suffix(text) is expected


@pytest.mark.slow
def test_address_through_the_analyzer(
    analyzer: object, find: Callable[[object, str, str], list[str]]
) -> None:
    text = "Home visit at Flat 2, 41 Kingsley Avenue, Acton, London W3 6QH on Monday."
    assert find(analyzer, text, ADDRESS) == ["Flat 2, 41 Kingsley Avenue, Acton, London W3 6QH"]
