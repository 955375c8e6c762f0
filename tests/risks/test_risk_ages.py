from __future__ import annotations

import pytest

from pipeline.risks import find_risks
from pipeline.risks.ages import article, band, band_words


@pytest.mark.parametrize(
    "age, expected",
    [(0, (0, 4)), (4, (0, 4)), (5, (5, 11)), (11, (5, 11)), (12, (12, 15)), (16, (16, 17)),
     (17, (16, 17)), (18, (18, 24)), (19, (18, 24)), (24, (18, 24)), (25, (25, 34)),
     (49, (35, 49)), (64, (50, 64)), (65, (65, 74)), (84, (75, 84)), (87, (85, 89)),
     (90, (90, 99)), (99, (90, 99)), (100, (100, None)), (102, (100, None)), (119, (100, None))],
)
def test_band_boundaries(age, expected):
    assert band(age) == expected


@pytest.mark.parametrize(
    "age, form, expected",
    [(102, "aged", "100 or over"), (3, "aged", "under 5"), (19, "aged", "18 to 24"),
     (19, "years old", "18 to 24 years old"), (101, "years old", "100 or more years old"),
     (19, "adjective", "18- to 24-year-old"), (104, "adjective", "100-plus-year-old"),
     (2, "adjective", "0- to 4-year-old")],
)
def test_band_words_by_form(age, form, expected):
    assert band_words(age, form) == expected


@pytest.mark.parametrize(
    "words, expected",
    [("18- to 24-year-old", "an"), ("85- to 89-year-old", "an"), ("8", "an"), ("11", "an"),
     ("25- to 34-year-old", "a"), ("100-plus-year-old", "a"), ("5- to 11-year-old", "a")],
)
def test_article_follows_pronunciation(words, expected):
    assert article(words) == expected


@pytest.mark.parametrize(
    "text, quote, replacement, severity",
    [("She is aged 102.", "aged 102", "aged 100 or over", "medium"),
     ("Aged 96, she still walks.", "Aged 96", "Aged 90 to 99", "medium"),
     ("A 19-year-old joined.", "A 19-year-old", "An 18- to 24-year-old", "low"),
     ("He met a 40-year-old.", "a 40-year-old", "a 35- to 49-year-old", "low"),
     ("She is nineteen years old.", "nineteen years old", "18 to 24 years old", "low"),
     ("Client B, who is 87, lives alone.", "who is 87", "who is aged 85 to 89", "low"),
     ("Client A (97) moved.", "(97)", "(aged 90 to 99)", "medium"),
     ("Client A, 84, moved.", "84", "aged 75 to 84", "low"),
     ("She is aged ninety-two.", "aged ninety-two", "aged 90 to 99", "low"),
     ("Client A was born in 1941.", "born in 1941", "born in the 1940s", "low"),
     ("Client K was born in Jamaica in 1950.", "born in Jamaica in 1950",
      "born in Jamaica in the 1950s", "low"),
     ("Client A (b. 1952) moved.", "b. 1952", "born in the 1950s", "low"),
     ("Born on 3 March 1941, she moved.", "Born on 3 March 1941", "Born in the 1940s", "medium"),
     ("Year of birth: 1962.", "Year of birth: 1962", "Year of birth: 1960s", "low")],
)
def test_exact_age_flag_and_safe_replacement(text, quote, replacement, severity):
    (flag,) = find_risks(text)
    assert (flag.quote, flag.replacement, flag.severity) == (quote, replacement, severity)


@pytest.mark.parametrize(
    "text, quote",
    [("She turned 90 last week.", "turned 90"), ("We marked her 100th birthday.", "100th birthday"),
     ("It was his ninetieth birthday.", "ninetieth birthday"),
     ("Client A is the home's only centenarian.", "the home's only centenarian")],
)
def test_age_flag_without_safe_replacement(text, quote):
    (flag,) = find_risks(text)
    assert flag.quote == quote and flag.replacement is None


@pytest.mark.parametrize(
    "text",
    ["Learners aged 16 to 18 are eligible.", "Residents aged 65 and over.", "aged 16-18",
     "Aged care is growing.", "Learners aged 19 were surveyed.", "aged under 25",
     "over 18 years old", "She is 5 minutes late.", "The score was 87.", "born in the 1940s",
     "18- to 24-year-olds", "She is aged 100 or over.", "Level 2 learners",
     "aged 16 years and over"],
)
def test_ranges_cohorts_and_non_ages_are_not_exact_ages(text):
    assert [f for f in find_risks(text) if f.kind in ("age", "birth_year")] == []
