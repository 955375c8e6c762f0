from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model import SEGMENT_SEPARATOR, Document, apply_edits
from pipeline.risks import find_risks, generalise
from pipeline.risks.cue import TIME, Cue
from pipeline.risks.detect import sentence_severity
from pipeline.risks.sentences import sentence_starts

CORPUS = json.loads(Path(__file__).with_name("risk_sentences.json").read_text(encoding="utf-8"))


def _cue(kind, singling=False, category="", also=frozenset()):
    return Cue(0, 1, kind, category, singling, also)


@pytest.mark.parametrize(
    "cues, expected",
    [
        # H1: a singling cue meets a place, a role or a time
        ([_cue("special_category", True), _cue("place")], "high"),
        ([_cue("rare_attribute", True), _cue(TIME)], "high"),
        ([_cue("age", True), _cue("role")], "high"),
        ([_cue("uniqueness", True, also=frozenset({"role"}))], "high"),
        # H2: uniqueness meets any sensitive attribute, even a common one
        ([_cue("uniqueness", True), _cue("special_category", False)], "high"),
        # H3: a role meets a place
        ([_cue("role"), _cue("place")], "high"),
        # medium: a singling cue alone, or two different kinds
        ([_cue("uniqueness", True)], "medium"),
        ([_cue("special_category", True)], "medium"),
        ([_cue("age"), _cue("place")], "medium"),
        ([_cue("small_count"), _cue("special_category", False)], "medium"),
        ([_cue("special_category", False), _cue(TIME)], "medium"),
        # low: one ordinary quasi-identifier
        ([_cue("place")], "low"),
        ([_cue("role"), _cue("role")], "low"),
        ([_cue("place"), _cue(TIME)], "low"),
        ([_cue("age"), _cue(TIME)], "medium"),
        ([_cue("age")], "low"),
        ([_cue("special_category", False)], "low"),
    ],
)
def test_sentence_severity_rules(cues, expected):
    assert sentence_severity(cues) == expected


def test_severity_is_decided_per_sentence():
    flags = find_risks("Client A is Deaf. Staff at the Ludlow centre met on Tuesday.")
    assert [(f.kind, f.severity) for f in flags] == [
        ("special_category", "medium"),
        ("place", "low"),
    ]


@pytest.mark.parametrize(
    "text",
    ["Client A", "[ADDRESS]", "[DATE OF BIRTH]", "PERSON-7K2QF9", "Learner B and Client AB",
     "Client A moved to [ADDRESS] on [DATE].", "[POSTCODE] [PHONE] [NHS NUMBER]", "", "   "],
)
def test_placeholders_are_never_flagged(text):
    assert find_risks(text) == ()


def test_cue_spanning_two_segments_is_not_flagged():
    text = "She is the only" + SEGMENT_SEPARATOR + "Deaf learner here."
    assert [f.kind for f in find_risks(text)] == ["special_category"]


def test_every_flag_quotes_its_span_and_explains_without_document_text():
    for case in CORPUS["positives"]:
        text = case["text"]
        for flag in find_risks(text):
            assert text[flag.start : flag.end] == flag.quote
            assert flag.reason and flag.suggestion
            assert flag.quote not in flag.reason


def test_flags_in_a_long_document_keep_offsets():
    sentence = "Client A, aged 102, is the only Deaf learner at the Ludlow centre. "
    text = "Nothing to see here. " * 50 + sentence * 3
    flags = find_risks(text)
    assert len(flags) == 9
    assert all(text[f.start : f.end] == f.quote for f in flags)
    assert [f.start for f in flags] == sorted(f.start for f in flags)


def test_overlapping_cues_merge_into_one_flag():
    (flag, place) = find_risks("She is the only Deaf learner at the Ludlow centre.")
    assert flag.kind == "uniqueness" and flag.quote == "the only Deaf learner"
    assert "disability" in flag.reason and place.kind == "place"


@pytest.mark.parametrize(
    "text, expected",
    [("Client A left. The only Deaf learner stayed.", [0, 15]),
     ("Mrs. Jones met Dr. Patel. They talked.", [0, 26]),
     ("Client A. Client B.", [0, 10]),
     ("Item one\n\nItem two", [0, 10]),
     ("e.g. this one. Next", [0, 15])],
)
def test_sentence_starts(text, expected):
    assert sentence_starts(text) == expected


_FUZZ_WORDS = [
    "the", "only", "Deaf", "learner", "at", "Ludlow", "centre", "aged", "102", "a", "19-year-old",
    "who", "is", "87", "born", "in", "1941", "two", "residents", "Roma", "village", "vicar",
    "Client", "A", "[ADDRESS]", "PERSON-7K2QF9", "ninety-two", "first", "to", "one", "of",
    "three", "Level", "2", "(96)", ",", ".", "\n\n", "\n", "sole", "wheelchair", "user", "was",
    "hundred", "and", "birthday", "100th", "Mill", "Lane", "headteacher", "last", "spring",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FUZZ_WORDS), max_size=40), st.text(max_size=30))
def test_find_risks_invariants_on_arbitrary_text(words, noise):
    text = " ".join(words) + noise
    flags = find_risks(text)
    assert [f.start for f in flags] == sorted(f.start for f in flags)
    for flag in flags:
        assert text[flag.start : flag.end] == flag.quote
        assert SEGMENT_SEPARATOR not in flag.quote
    new_text, edits = generalise(text, flags)
    assert apply_edits(text, edits) == new_text


def test_whole_document_and_per_segment_scans_agree():
    parts = [
        ("word/document.xml", "paragraph 1", "Client A, aged 102, is the only Deaf learner."),
        ("word/document.xml", "paragraph 2", "She lives in the village with two residents."),
        ("word/document.xml", "paragraph 3", "Nothing to see here."),
    ]
    document = Document.from_parts(Path("x.docx"), "docx", parts)
    whole = [(f.start, f.end, f.kind, f.severity) for f in find_risks(document.text)]
    by_segment = [
        (seg.offset + f.start, seg.offset + f.end, f.kind, f.severity)
        for seg in document.segments
        for f in find_risks(seg.text)
    ]
    assert whole == by_segment and len(whole) == 4
