"""Paragraph text and in-place split-run edits on raw WordprocessingML (no zip involved)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.formats.wordml import (
    W_NS,
    XML_SPACE,
    EditPlacementError,
    apply_edits_in_place,
    paragraph_text,
    tokens,
)
from pipeline.model import Edit, apply_edits

_FIXED_XML = {"\t": "<w:tab/>", "\n": "<w:br/>"}


def _paragraph(pieces: list[str]) -> etree._Element:
    """One run per piece: text pieces become ``w:t``, "\\t"/"\\n" become tab/break runs."""
    runs = "".join(
        f"<w:r>{_FIXED_XML[p]}</w:r>" if p in _FIXED_XML else f"<w:r><w:t>{p}</w:t></w:r>"
        for p in pieces
    )
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{runs}</w:p>')


pieces_st = st.lists(
    st.one_of(st.text(alphabet="abcXY ", min_size=0, max_size=6), st.sampled_from(["\t", "\n"])),
    min_size=1,
    max_size=8,
)


@st.composite
def paragraph_and_edits(draw: st.DrawFn) -> tuple[list[str], list[Edit]]:
    pieces = draw(pieces_st)
    length = len("".join(pieces))
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6, unique=True)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < end:
            edits.append(Edit(start, end, draw(st.text(alphabet="LM ", max_size=5))))
    return pieces, edits


@settings(max_examples=300, deadline=None)
@given(paragraph_and_edits())
def test_wordml_edits_give_exactly_the_planned_text(case):
    pieces, edits = case
    paragraph = _paragraph(pieces)
    before = paragraph_text(paragraph)
    assert before == "".join(pieces)
    apply_edits_in_place(paragraph, edits)
    assert paragraph_text(paragraph) == apply_edits(before, edits)


def test_wordml_new_text_goes_into_first_run_with_preserve():
    paragraph = _paragraph(["Met ", "Jo", "anna Smith", " today"])
    apply_edits_in_place(paragraph, [Edit(4, 16, "Client A")])
    nodes = [tok.node for tok in tokens(paragraph)]
    assert [n.text for n in nodes] == ["Met ", "Client A", "", " today"]
    assert [n.get(XML_SPACE) for n in nodes] == [None, "preserve", "preserve", None]


def test_wordml_nested_paragraph_is_not_part_of_outer_text():
    xml = (
        f'<w:p xmlns:w="{W_NS}"><w:r><w:t>out</w:t></w:r><w:r><w:txbxContent>'
        "<w:p><w:r><w:t>inner</w:t></w:r></w:p></w:txbxContent></w:r>"
        "<w:r><w:t>side</w:t></w:r></w:p>"
    )
    outer = etree.fromstring(xml)
    assert paragraph_text(outer) == "outside"
    apply_edits_in_place(outer, [Edit(0, 7, "X")])
    assert paragraph_text(outer) == "X"
    assert paragraph_text(outer.find(f".//{{{W_NS}}}txbxContent/{{{W_NS}}}p")) == "inner"


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(0, 9, "x")],  # past the end
        [Edit(0, 3, "x"), Edit(2, 4, "y")],  # overlapping
    ],
)
def test_wordml_rejects_bad_edits(edits):
    with pytest.raises(EditPlacementError):
        apply_edits_in_place(_paragraph(["abcd"]), edits)


def test_wordml_insertion_needs_a_text_node():
    paragraph = _paragraph(["ab"])
    apply_edits_in_place(paragraph, [Edit(1, 1, "X")])
    assert paragraph_text(paragraph) == "aXb"
    with pytest.raises(EditPlacementError):
        apply_edits_in_place(_paragraph(["\t"]), [Edit(0, 0, "X")])
