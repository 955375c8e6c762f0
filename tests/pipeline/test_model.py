from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.model import (
    SEGMENT_SEPARATOR,
    Detection,
    Document,
    Edit,
    Replacement,
    ReplacementPlan,
    apply_edits,
)


def _doc(*texts: str) -> Document:
    return Document.from_parts(Path("x.txt"), "text", [("p", f"para {i}", t) for i, t in enumerate(texts)])


def test_document_joins_segments_with_separator():
    doc = _doc("Alpha beta", "Gamma")
    assert doc.text == "Alpha beta" + SEGMENT_SEPARATOR + "Gamma"
    assert doc.segments[1].offset == len("Alpha beta") + len(SEGMENT_SEPARATOR)
    assert doc.segment_at(doc.segments[1].offset).index == 1
    assert doc.segment_at(len("Alpha beta")) is None  # inside the separator


def test_repr_never_shows_text():
    doc = _doc("Margaret Example lives here")
    assert "Margaret" not in repr(doc)
    assert "Margaret" not in repr(doc.segments[0])


def test_detection_rejects_empty_span():
    with pytest.raises(ValueError):
        Detection(3, 3, "PERSON")


def test_plan_rejects_overlaps():
    with pytest.raises(ValueError):
        ReplacementPlan((Replacement(0, 5, "PERSON", "A"), Replacement(3, 8, "PERSON", "B")))


def test_plan_edits_split_across_segments():
    doc = _doc("Hello Jo", "anna there")
    start = doc.text.index("Jo")
    end = doc.segments[1].offset + len("anna")
    plan = ReplacementPlan((Replacement(start, end, "PERSON", "Client A"),))
    edits = plan.edits_by_segment(doc)
    assert edits == {0: (Edit(6, 8, "Client A"),), 1: (Edit(0, 4, ""),)}
    assert apply_edits(doc.segments[0].text, edits[0]) == "Hello Client A"
    assert apply_edits(doc.segments[1].text, edits[1]) == " there"


@given(st.text(min_size=1, max_size=60), st.data())
def test_plan_keeps_text_outside_replacements(text, data):
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    pairs = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    plan = ReplacementPlan(tuple(Replacement(a, b, "X", "#") for a, b in pairs))
    out = plan.apply(text)
    # Removing the replacement markers leaves exactly the text outside the spans.
    kept = "".join(text[i] for i in range(len(text)) if not any(a <= i < b for a, b in pairs))
    assert out.replace("#", "") == kept.replace("#", "")
    assert out.count("#") - kept.count("#") == len(pairs)
