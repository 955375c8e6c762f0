from __future__ import annotations

import dataclasses

import pytest

from pipeline.model import Edit, apply_edits
from pipeline.risks import find_risks, generalise


def test_generalise_applies_only_safe_replacements():
    text = ("Client A, aged 102, is the only Deaf resident at the Ludlow centre. "
            "A 19-year-old carer, born in 2006, visits her.")
    new_text, edits = generalise(text, find_risks(text))
    assert new_text == (
        "Client A, aged 100 or over, is the only Deaf resident at the Ludlow centre. "
        "An 18- to 24-year-old carer, born in the 2000s, visits her."
    )
    assert [text[e.start : e.end] for e in edits] == ["aged 102", "A 19-year-old", "born in 2006"]
    assert apply_edits(text, edits) == new_text


def test_generalise_edits_are_sorted_segment_edits():
    text = "She is aged 97. He is 19 years old."
    _, edits = generalise(text, find_risks(text))
    assert list(edits) == sorted(edits) and all(isinstance(e, Edit) for e in edits)


def test_generalised_text_raises_no_further_age_flags():
    text = ("Client A (96), a 7-year-old, who is 87, aged ninety-two, born 1941, "
            "is 19 years old and Year of birth: 1950.")
    new_text, edits = generalise(text, find_risks(text))
    assert len(edits) == 7
    assert [f.kind for f in find_risks(new_text) if f.kind in ("age", "birth_year")] == []


def test_generalise_without_flags_is_identity():
    text = "The only thing that mattered was her comfort."
    assert generalise(text, find_risks(text)) == (text, ())


def test_generalise_rejects_flags_from_another_text():
    flags = find_risks("She is aged 102.")
    with pytest.raises(ValueError, match="does not match"):
        generalise("She is aged 103.", flags)


def test_generalise_skips_overlapping_flags():
    (flag,) = find_risks("She is aged 102.")
    inner = dataclasses.replace(flag, start=flag.start + 5, quote=flag.quote[5:], replacement="x")
    new_text, edits = generalise("She is aged 102.", [flag, inner])
    assert new_text == "She is aged 100 or over." and len(edits) == 1
