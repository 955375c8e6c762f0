"""Paragraph text and in-place split-run edits on raw WordprocessingML (no zip involved)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.formats.wordml import (
    DELETED,
    INSTRUCTION,
    TEXT,
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


_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _xml(inner: str, root: str = "w:p") -> etree._Element:
    return etree.fromstring(
        f'<{root} xmlns:w="{W_NS}" xmlns:m="{_M}" xmlns:a="{_A}">{inner}</{root}>'
    )


@pytest.mark.parametrize(
    "inner, model, expected",
    [
        # tracked deletions are not part of the visible text, nor are their breaks
        ('<w:r><w:t>a</w:t></w:r><w:del><w:r><w:delText>gone</w:delText><w:br/></w:r></w:del>'
         "<w:r><w:t>b</w:t></w:r>", TEXT, "ab"),
        ('<w:del><w:r><w:delText>Kit</w:delText><w:tab/><w:delText>Jones</w:delText></w:r>'
         "</w:del>", DELETED, "Kit\tJones"),
        ("<m:oMath><m:r><m:t>x+Ann</m:t></m:r></m:oMath>", TEXT, "x+Ann"),
        ('<w:r><w:instrText xml:space="preserve"> REF </w:instrText></w:r><w:r><w:t>r</w:t>'
         "</w:r><w:r><w:instrText>bm </w:instrText></w:r>", INSTRUCTION, " REF bm "),
        ('<w:r><w:instrText> A </w:instrText></w:r>', TEXT, ""),
    ],
)
def test_wordml_text_models(inner, model, expected):
    assert paragraph_text(_xml(inner), model) == expected


def test_wordml_deleted_model_reads_and_edits_one_deletion():
    paragraph = _xml('<w:del><w:r><w:delText>Kit</w:delText><w:tab/><w:delText>Jones</w:delText>'
                     "</w:r></w:del>")
    deletion = paragraph[0]
    assert paragraph_text(deletion, DELETED) == "Kit\tJones"
    apply_edits_in_place(deletion, [Edit(0, 9, "Person A")], DELETED)
    assert paragraph_text(deletion, DELETED) == "Person A"
    assert paragraph_text(paragraph) == ""


def test_wordml_drawingml_paragraph_text_and_breaks():
    paragraph = _xml("<a:r><a:t>Lee</a:t></a:r><a:br/><a:r><a:t>Smith</a:t></a:r>", "a:p")
    assert paragraph_text(paragraph) == "Lee\nSmith"
    apply_edits_in_place(paragraph, [Edit(0, 9, "Client A")])
    assert paragraph_text(paragraph) == "Client A"
    with pytest.raises(EditPlacementError):  # a DrawingML break cannot become text
        apply_edits_in_place(_xml("<a:br/>", "a:p"), [Edit(0, 1, "X")])
