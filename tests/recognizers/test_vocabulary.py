"""Tests for the protected domain vocabulary."""

from __future__ import annotations

import pytest

from recognizers import vocabulary
from recognizers.vocabulary import protected_spans


def _protected(text: str) -> list[str]:
    return [text[a:b] for a, b in protected_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # qualifications and units
        (
            "She is on the Level 2 Certificate in Understanding Autism, and",
            ["Level 2 Certificate in Understanding Autism"],
        ),
        ("Level 3 Diploma in Adult Care\nLearner: X", ["Level 3 Diploma in Adult Care"]),
        (
            "Level 5 Diploma in Leadership and Management for Adult Care",
            ["Level 5 Diploma in Leadership and Management for Adult Care"],
        ),
        ("Level 2", ["Level 2"]),
        ("Unit 204", ["Unit 204"]),
        ("Unit 4: Safeguarding", ["Unit 4: Safeguarding"]),
        (
            "Unit 204 Principles of Safeguarding and Protection",
            ["Unit 204 Principles of Safeguarding and Protection"],
        ),
        ("Unit 4, 9 Mill Lane", ["Unit 4"]),  # the address after it stays replaceable
        ("see AC 1.2 and Key Stage 2", ["AC 1.2", "Key Stage 2"]),
        # legislation
        ("the Mental Capacity Act 2005 says", ["Mental Capacity Act 2005"]),
        ("Equality Act 2010", ["Equality Act 2010"]),
        ("under the Care Act 2014.", ["Care Act 2014"]),
        ("Children Act 1989", ["Children Act 1989"]),
        ("Health and Social Care Act 2008", ["Health and Social Care Act 2008"]),
        ("Data Protection Act 2018", ["Data Protection Act 2018"]),
        ("the Autism Act", ["Autism Act"]),
        ("Care Planning Regulations 2010", ["Care Planning Regulations 2010"]),
        (
            "the Control of Substances Hazardous to Health Regulations 2002",
            ["Control of Substances Hazardous to Health Regulations 2002"],
        ),
        # charts and tools
        ("Bristol Stool Chart type 4", ["Bristol Stool Chart"]),
        ("Waterlow score 12", ["Waterlow score"]),
        ("MUST score", ["MUST score"]),
        ("Braden scale", ["Braden scale"]),
        ("Glasgow Coma Scale", ["Glasgow Coma Scale"]),
        ("Abbey Pain Scale", ["Abbey Pain Scale"]),
        ("PEWS then NEWS2", ["PEWS", "NEWS2"]),
        # bodies and frameworks
        (
            "Care Quality Commission (CQC), Ofsted, Ofqual, NHS",
            ["Care Quality Commission", "CQC", "Ofsted", "Ofqual", "NHS"],
        ),
        ("Skills for Care and the Care Certificate", ["Skills for Care", "Care Certificate"]),
        ("DBS check; SEND support; EHCP review", ["DBS", "SEND", "EHCP"]),
        # eponymous conditions
        ("Parkinson's disease", ["Parkinson's disease"]),
        ("She has Alzheimer's.", ["Alzheimer's"]),
        ("Down's syndrome", ["Down's syndrome"]),
        ("Down syndrome", ["Down syndrome"]),
        ("Crohn's", ["Crohn's"]),
        ("Wilson's disease", ["Wilson's disease"]),
    ],
)
def test_vocabulary_protected(text: str, expected: list[str]) -> None:
    assert _protected(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mr Parkinson said",  # a surname, not the condition
        "Mrs Wilson's bag",
        "Margaret Down visited",
        "you must score it",  # MUST only in capitals
        "please send it",  # SEND only in capitals
        "She spoke to Margaret.",
        "The Act was passed",
        "9 Mill Lane",
    ],
)
def test_vocabulary_not_protected(text: str) -> None:
    assert protected_spans(text) == ()


def test_vocabulary_leaves_names_next_to_an_act_alone() -> None:
    text = "Margaret told me about the Care Act 2014"
    assert _protected(text) == ["Care Act 2014"]


def test_vocabulary_overlapping_phrases_merge() -> None:
    text = "NHS England"
    assert protected_spans(text) == ((0, len(text)),)


def test_vocabulary_lists_are_tuples_of_strings() -> None:
    for data in (
        vocabulary.BODIES_AND_FRAMEWORKS,
        vocabulary.CHARTS_AND_TOOLS,
        vocabulary.CONDITION_EPONYMS,
        vocabulary.CONDITION_SURNAMES,
        vocabulary.CONDITION_WORDS,
        vocabulary.LEGISLATION,
        vocabulary.PATTERNS,
    ):
        assert isinstance(data, tuple)
        assert all(isinstance(item, str) and item for item in data)


def test_phrases_wrapped_over_one_line_break_are_protected():
    text = "Tyrone's Speech and\nLanguage Therapy review; Speech and\n\nLanguage"
    assert _protected(text) == ["Speech and\nLanguage Therapy"]
