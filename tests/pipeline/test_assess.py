from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.assess import assess, compose
from pipeline.model import Document, Edit, apply_edits


def test_compose_maps_later_edits_back_to_the_original():
    original = "Margaret Example, aged 102, lives alone."
    first = (Edit(0, 16, "Client A"),)
    anonymised = apply_edits(original, first)
    start = anonymised.index("aged 102")
    then = (Edit(start, start + 8, "aged 100 or over"),)
    combined = compose(original, first, then)
    assert apply_edits(original, combined) == "Client A, aged 100 or over, lives alone."


def test_compose_never_rewrites_a_label():
    original = "Margaret Example rang."
    first = (Edit(0, 16, "Client A"),)
    assert compose(original, first, (Edit(0, 6, "X"),)) == first


@pytest.mark.parametrize("generalise_ages, expected", [(False, "aged 102"), (True, "aged 100 or over")])
def test_assess_flags_and_optionally_generalises(generalise_ages, expected):
    doc = Document.from_parts(Path("a.txt"), "text",
                              [("text", "text", "Joan Example, aged 102, is the only Deaf resident.")])
    result = assess(doc, {0: (Edit(0, 12, "Client A"),)}, generalise_ages)
    assert expected in result.text and result.text.startswith("Client A")
    assert any(f["severity"] == "high" for f in result.flags)
    assert all("Joan" not in str(f) for f in result.flags)
