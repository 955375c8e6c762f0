from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.risks.scan import DIGITS, Entry, Scanner, first_words


@pytest.mark.parametrize(
    "pattern, flags, expected",
    [(r"[Dd]eaf", 0, {"deaf"}), (r"deaf", re.IGNORECASE, {"deaf"}),
     (r"(?:of[ \t]+|from[ \t]+)?Black", 0, {"of", "from", "black"}),
     (r"(?<=her )twins?", 0, {"twin", "twins"}), (r"\d{1,3}th", 0, {DIGITS}),
     (r"Down['’]?s?[ \t]+syndrome", 0, {"down", "downs"}),
     (r"\b(?:the|our)[ \t]+only\b", 0, {"the", "our"}),
     (r"[A-Z][a-z]+ syndrome", 0, None), (r"a?", 0, None), (r".x", 0, None),
     (r"\w+ing", 0, None)],
)
def test_first_words_lists_possible_first_words_or_gives_up(pattern, flags, expected):
    words = first_words(pattern, flags)
    assert (set(words) if words is not None else None) == expected


_PATTERNS = [
    r"\b(?:the|our)[ \t]+only\b", r"[Dd]eaf(?:ness)?", r"\d{1,2}[ \t]+years?",
    r"(?:of[ \t]+)?Roma(?:ni)?", r"[A-Z][a-z]+[ \t]+centre", r"(?i:un)?well",
]
_WORDS = ["the", "our", "only", "Deaf", "deafness", "of", "Roma", "Romani", "centre", "Ludlow",
          "12", "years", "year", "unwell", "well", "x"]


def _brute_force(pattern: str, text: str) -> list[tuple[int, int]]:
    regex = re.compile(pattern)
    spans = []
    for word in re.finditer(r"\w+", text):
        m = regex.match(text, word.start())
        if m and m.end() > word.start():
            spans.append(m.span())
    return spans


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from(_PATTERNS))
def test_scanner_finds_what_trying_every_word_finds(words, pattern):
    text = " ".join(words)
    found = Scanner({"only": [Entry("x", pattern)]}).scan(text)
    assert [m.span() for m in found.get("x", [])] == _brute_force(pattern, text)


def test_scanner_anchors_find_matches_that_start_before_the_anchor():
    entry = Entry(
        "site", r"(?:the[ \t]+)?[A-Z][a-z]+[ \t]+centre", anchors=frozenset({"centre"}), back=2
    )
    text = "Staff from the Ludlow centre and the Whitby centre met."
    found = Scanner({"places": [entry]}).scan(text)
    assert [m.group() for m in found["site"]] == ["the Ludlow centre", "the Whitby centre"]


def test_scanner_keeps_named_groups_and_families_independent():
    scanner = Scanner({
        "a": [Entry("age", r"aged[ \t]+(?P<num>\d+)")],
        "b": [Entry("word", r"aged")],
    })
    found = scanner.scan("She is aged 102.")
    assert found["age"][0].group("num") == "102"
    assert found["word"][0].group() == "aged"


def test_scanner_first_entry_in_a_family_wins_at_one_word():
    scanner = Scanner({"f": [Entry("long", r"Polish[ \t]+speaking"), Entry("short", r"Polish")]})
    assert set(scanner.scan("a Polish speaking carer")) == {"long"}
    assert set(scanner.scan("a Polish carer")) == {"short"}
