"""A Word file with personal data in every place Word keeps it comes out with none of it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import docx
import pytest
from lxml import etree
from PIL import Image

from formats.everywhere import (
    ALL_VALUES,
    JPEG,
    NOT_CONTIGUOUS,
    PNG,
    SCRUBBED_VALUES,
    SEGMENT_VALUES,
    everywhere_docx,
)
from formats.packages import assert_consistent, entries
from pipeline.formats import docx as fmt
from pipeline.model import Edit
from pipeline.residual import find_residuals

LABEL = "[REDACTED]"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _edits(document) -> dict[int, tuple[Edit, ...]]:
    """Replace every planted segment value wherever it occurs, case-insensitively."""
    edits: dict[int, tuple[Edit, ...]] = {}
    for seg in document.segments:
        found: dict[int, Edit] = {}
        for value in SEGMENT_VALUES:
            for m in re.finditer(re.escape(value), seg.text, re.I):
                found.setdefault(m.start(), Edit(m.start(), m.end(), LABEL))
        kept: list[Edit] = []
        for edit in sorted(found.values()):
            if not kept or edit.start >= kept[-1].end:
                kept.append(edit)
        if kept:
            edits[seg.index] = tuple(kept)
    return edits


@pytest.fixture(scope="module")
def fixture(tmp_path_factory) -> tuple[Path, Path]:
    """(source, anonymised output)."""
    folder = tmp_path_factory.mktemp("everywhere")
    source = everywhere_docx(folder / "witness.docx")
    document = fmt.read(source)
    out = folder / "out.docx"
    fmt.write(source, document, _edits(document), out)
    return source, out


def test_everywhere_read_exposes_every_text_value_and_no_scrubbed_one(fixture):
    source, _ = fixture
    document = fmt.read(source)
    text = document.text.casefold()
    assert [v for v in SEGMENT_VALUES if v.casefold() not in text] == []
    assert [v for v in SCRUBBED_VALUES if v.casefold() in text] == []


def test_everywhere_where_labels_hold_no_values(fixture):
    source, _ = fixture
    labels = " ".join(f"{s.part} {s.where}" for s in fmt.read(source).segments).casefold()
    assert [v for v in ALL_VALUES if v.casefold() in labels] == []


def test_everywhere_source_really_holds_the_values(fixture):
    # the negative control: the same checks find every value in the source
    source, _ = fixture
    blob = b"".join(entries(source).values()).lower()
    missing = [v for v in ALL_VALUES if v.lower().encode() not in blob
               and quote(v).lower().encode() not in blob and v not in NOT_CONTIGUOUS]
    assert missing == []
    assert find_residuals(source, "docx", ALL_VALUES)


def test_everywhere_output_holds_no_planted_value_in_any_part(fixture):
    _, out = fixture
    for name, data in entries(out).items():
        lowered = data.lower()
        for value in ALL_VALUES:
            for form in {value, quote(value), value.replace(" ", "%20")}:
                assert form.lower().encode() not in lowered, (name, value)
                assert form.lower().encode("utf-16-le") not in lowered, (name, value)
        assert LABEL.encode() not in data or name.endswith((".xml", ".rels"))


def test_everywhere_output_passes_the_residual_scan(fixture):
    _, out = fixture
    assert find_residuals(out, "docx", ALL_VALUES) == []


def test_everywhere_dropped_parts_and_their_links_are_gone(fixture):
    _, out = fixture
    parts = entries(out)
    for gone in ("docProps/thumbnail.jpeg", "word/people.xml", "customXml/item1.xml",
                 "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"):
        assert gone not in parts
    types = parts["[Content_Types].xml"].decode()
    assert "people" not in types and "customXml" not in types
    assert b"thumbnail" not in parts["_rels/.rels"]
    settings = parts["word/settings.xml"]
    assert b"attachedTemplate" not in settings and b"mailMerge" not in settings
    assert b"<Relationship " not in parts["word/_rels/settings.xml.rels"]
    assert b"dataBinding" not in parts["word/document.xml"]
    assert b"permStart" not in parts["word/document.xml"]
    assert b"vt:blob" not in parts["docProps/custom.xml"]


def test_everywhere_package_stays_consistent(fixture):
    assert_consistent(fixture[1])


def test_everywhere_people_and_bookmarks_are_neutral_and_consistent(fixture):
    _, out = fixture
    parts = entries(out)
    comments = etree.fromstring(parts["word/comments.xml"])
    comment = comments.find(f"{_W}comment")
    assert (comment.get(f"{_W}author"), comment.get(f"{_W}initials")) == ("Author", "A")
    body = etree.fromstring(parts["word/document.xml"])
    authors = {el.get(f"{_W}author") for el in body.iter() if el.get(f"{_W}author")}
    assert authors == {"Author"}
    names = [el.get(f"{_W}name") for el in body.iter(f"{_W}bookmarkStart")]
    anchors = [el.get(f"{_W}anchor") for el in body.iter(f"{_W}hyperlink") if
               el.get(f"{_W}anchor")]
    instructions = "".join(el.text for el in body.iter(f"{_W}instrText"))
    assert names == ["_bm1"] and anchors == ["_bm1"]
    assert " REF _bm1 \\h " in instructions and "_bm2" in parts["word/document.xml"].decode()


def test_everywhere_formatting_and_images_survive(fixture):
    _, out = fixture
    opened = docx.Document(str(out))
    first = opened.paragraphs[0]
    assert first.text == f"Met {LABEL} at home."
    assert [r.bold for r in first.runs] == [None, True, True]
    assert opened.tables[0].cell(0, 0).tables[0].cell(0, 0).text == f"{LABEL}, room 4"
    section = opened.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == f"First page {LABEL}"
    assert section.even_page_footer.paragraphs[0].text == LABEL
    assert opened.comments  # comments survive (neutral author)
    parts = entries(out)
    for name, original in (("word/media/image1.jpeg", JPEG), ("word/media/image2.png", PNG)):
        before, after = Image.open(io.BytesIO(original)), Image.open(io.BytesIO(parts[name]))
        assert before.size == after.size and before.tobytes() == after.tobytes()
        assert 0x013B not in after.getexif()  # artist gone
        assert after.info.get("comment") is None and "xmp" not in after.info
    assert Image.open(io.BytesIO(parts["word/media/image1.jpeg"])).getexif()[0x0112] == 6


def test_everywhere_unchanged_style_part_is_copied_exactly(fixture):
    source, out = fixture
    assert entries(source)["word/styles.xml"] == entries(out)["word/styles.xml"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_everywhere_output_converts_with_libreoffice(fixture, tmp_path):
    _, out = fixture
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=180, check=False,
    )
    assert result.returncode == 0
    assert (tmp_path / "out.pdf").stat().st_size > 0
