from __future__ import annotations

import pytest

from pipeline.config import Settings
from pipeline.model import Detection
from pipeline.resolve import anonymised_spans, plausible_person, resolve


def _det(text: str, value: str, entity: str = "PERSON", score: float = 0.85) -> Detection:
    i = text.index(value)
    return Detection(i, i + len(value), entity, score)


def _found(text: str, resolved) -> list[str]:
    spans = [(m.start, m.end) for m in resolved.people] + [(d.start, d.end) for d in resolved.others]
    return [text[s:e] for s, e in sorted(spans)]


def test_allow_list_keeps_a_name():
    text = "Written by Bethany Marsh about Eleanor Pryce."
    dets = [_det(text, "Bethany Marsh"), _det(text, "Eleanor Pryce")]
    out = resolve(text, dets, Settings(allow=("Bethany Marsh",)))
    assert _found(text, out) == ["Eleanor Pryce"]


def test_roster_names_are_always_replaced_in_any_case():
    text = "notes from jo bloggs. JO BLOGGS agreed."
    out = resolve(text, [], Settings(always=("Jo Bloggs",)))
    assert _found(text, out) == ["jo bloggs", "JO BLOGGS"]


def test_protected_vocabulary_survives():
    text = "She has Parkinson's disease and studies the Mental Capacity Act 2005."
    dets = [_det(text, "Parkinson"), _det(text, "Mental Capacity Act", "ORGANIZATION")]
    assert _found(text, resolve(text, dets, Settings())) == []


@pytest.mark.parametrize("surface, ok", [("Learner", False), ("Harbour Road", False),
                                         ("Unit 204", False), ("Email", False),
                                         ("Siobhan O'Brien", True)])
def test_plausible_person(surface, ok):
    assert plausible_person(surface) is ok


def test_longer_span_wins_an_overlap():
    text = "Lives at 41 Kingsley Avenue, Acton, London W3 6QH."
    dets = [_det(text, "Kingsley Avenue"), _det(text, "W3 6QH", "UK_POSTCODE", 1.0),
            _det(text, "41 Kingsley Avenue, Acton, London W3 6QH", "ADDRESS", 0.85)]
    out = resolve(text, dets, Settings())
    assert [d.entity for d in out.others] == ["ADDRESS"] and not out.people


def test_labels_placeholders_and_pseudonyms_are_not_detected_again():
    text = "Client A met Client AB at [ADDRESS]; ref PERSON-7BZTEF3NAS."
    spans = [text[s:e] for s, e in anonymised_spans(text, "Client")]
    assert spans == ["Client A", "Client AB", "[ADDRESS]", "PERSON-7BZTEF3NAS"]
    dets = [_det(text, "Client A"), _det(text, "Client AB")]
    assert _found(text, resolve(text, dets, Settings())) == []


def test_person_span_is_cut_before_a_form_word_on_the_next_line():
    text = "Learner: Priya Shah\nLevel 3 Diploma. Carer: Susan\nPennington."
    dets = [_det(text, "Priya Shah\nLevel"), _det(text, "Susan\nPennington")]
    assert _found(text, resolve(text, dets, Settings())) == ["Priya Shah", "Susan\nPennington"]


def test_full_name_does_not_run_into_the_next_line():
    text = "Resident: Joseph Howells\nRoom 4 is tidy. Joseph Howells slept."
    out = resolve(text, [_det(text, "Joseph Howells\nRoom")], Settings())
    assert _found(text, out) == ["Joseph Howells", "Joseph Howells"]


@pytest.mark.parametrize(
    "text, value",
    [("I used the Barthel Index today.", "the Barthel Index"),
     ("It is at the heart of Oliver McGowan Mandatory Training.", "Oliver McGowan Mandatory Training"),
     ("I used the Johns model of structured reflection.", "Johns"),
     ("Following Gillick competence guidance.", "Gillick"),
     ("Completing Moving and Handling helped.", "Handling")],
)
def test_courses_tools_and_eponyms_are_not_people(text, value):
    assert _found(text, resolve(text, [_det(text, value)], Settings())) == []


@pytest.mark.parametrize("name", ["Julie Ward", "Sam House", "Mr Home"])
def test_surnames_that_are_words_stay_people(name):
    text = f"Visited by {name} today."
    assert _found(text, resolve(text, [_det(text, name)], Settings())) == [name]


@pytest.mark.parametrize(
    "span, expected",
    [
        ("Safeguarding - Ian Horton", ["Ian Horton"]),
        ("Ian Horton – Key Worker", ["Ian Horton"]),
        # No piece starts with a known first name, or two do: the span is kept whole.
        ("Horton - Keyworth", ["Horton - Keyworth"]),
        ("Ian Horton - Ruth Horton", ["Ian Horton - Ruth Horton"]),
    ],
)
def test_person_span_is_cut_at_a_spaced_dash_to_the_named_piece(span, expected):
    text = f"Notes\n\n{span}\n\nSeen today."
    assert _found(text, resolve(text, [_det(text, span)], Settings())) == expected


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("Mrs Godfrey's Section 47 enquiry is due.", "Mrs Godfrey's Section", ["Mrs Godfrey"]),
        ("Noted by James' Team today.", "James' Team", ["James"]),
        ("Met Aisha O'Neill today.", "Aisha O'Neill", ["Aisha O'Neill"]),  # not a possessive
    ],
)
def test_person_span_ends_at_a_possessive_inside_it(text, span, expected):
    assert _found(text, resolve(text, [_det(text, span)], Settings())) == expected


@pytest.mark.parametrize("line", ["Jing Chen    UPN: A123", "Jing Chen\tUPN: A123"])
def test_person_span_ends_at_a_column_gap(line):
    text = f"Learner: {line}\n"
    assert _found(text, resolve(text, [_det(text, line[:line.index("UPN") + 3])], Settings())) == [
        "Jing Chen"]
