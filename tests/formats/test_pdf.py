"""PDF reader/writer: text-layer checks, refusals and clean regeneration."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from formats.builders import (
    PLANTED,
    annotated_pdf,
    drawing_pdf,
    encrypted_pdf,
    rich_pdf,
    text_pdf,
)
from pipeline.errors import (
    EncryptedFile,
    InputError,
    NoTextLayer,
    OutputError,
    UnreadableFile,
    UnsupportedContent,
)
from pipeline.formats import format_for
from pipeline.formats import pdf as fmt
from pipeline.model import Edit, apply_edits
from pipeline.residual import find_residuals

LINES = [
    "Case note for Harriet Example, 12 Mill Lane, Leeds LS6 9ZZ.",
    "Social worker: Owen Sample, tel 0113 496 0451.",
    "Harriet said the café was closed.",
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _edits_for(document, old: str, new: str) -> dict[int, tuple[Edit, ...]]:
    edits: dict[int, tuple[Edit, ...]] = {}
    for seg in document.segments:
        found = tuple(Edit(m.start(), m.end(), new) for m in re.finditer(re.escape(old), seg.text))
        if found:
            edits[seg.index] = found
    return edits


def _anonymise(source: Path, tmp_path: Path, old: str, new: str) -> tuple[str, Path]:
    document = fmt.read(source)
    edits = _edits_for(document, old, new)
    target = tmp_path / "out.pdf"
    fmt.write(source, document, edits, target)
    expected = "\n".join(apply_edits(s.text, edits.get(s.index, ())) for s in document.segments)
    return expected, target


def test_pdf_registered_for_suffix():
    assert format_for(Path("x.PDF")).name == "pdf"


def test_pdf_read_one_segment_per_paragraph_with_page_where(tmp_path):
    doc = fmt.read(text_pdf(tmp_path / "in.pdf", [LINES, ["Page two."]]))
    assert [s.where for s in doc.segments] == ["page 1", "page 2"]
    assert doc.segments[0].text.splitlines() == LINES
    assert all(s.part == "page" for s in doc.segments)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\nb\n\nc", ["a\nb", "c"]),
        ("a\n  \n\n b \n", ["a", "b"]),
        ("\n\n", []),
        ("one", ["one"]),
        ("a\r\n\r\nb", ["a", "b"]),
    ],
)
def test_pdf_split_paragraphs(text, expected):
    assert fmt.split_paragraphs(text) == expected


def test_pdf_round_trip_text_equals_anonymised_text(tmp_path):
    source = text_pdf(tmp_path / "in.pdf", [LINES, ["Harriet Example signed on page two."]])
    expected, target = _anonymise(source, tmp_path, "Harriet Example", "Client A")
    reader = PdfReader(target)
    extracted = "\n".join(page.extract_text() for page in reader.pages)
    assert _squash(extracted) == _squash(expected)
    assert "Client A" in extracted and "Harriet Example" not in extracted
    assert "café" in extracted  # non-ASCII survives
    assert len(reader.pages) == 2
    assert "page two" in reader.pages[1].extract_text()


def test_pdf_output_carries_no_source_metadata(tmp_path):
    source = rich_pdf(tmp_path / "in.pdf", [f"Client: {PLANTED}"], PLANTED)
    original = PdfReader(source)  # the traps are really there
    assert original.metadata["/Author"] == PLANTED
    assert original.outline and original.attachments
    _, target = _anonymise(source, tmp_path, PLANTED, "Client A")
    reader = PdfReader(target)
    meta = reader.metadata
    assert meta["/Title"] == fmt.OUTPUT_TITLE
    assert meta.get("/Author", "") == ""
    assert meta["/Producer"] == fmt.OUTPUT_PRODUCER
    assert reader.xmp_metadata is None
    assert reader.outline == []
    assert reader.attachments == {}
    assert all("/Annots" not in page for page in reader.pages)
    raw = target.read_bytes()
    for piece in PLANTED.split():
        assert piece.encode() not in raw
        assert piece not in str(meta)


def test_pdf_write_is_deterministic(tmp_path):
    source = text_pdf(tmp_path / "in.pdf", [LINES])
    document = fmt.read(source)
    fmt.write(source, document, {}, tmp_path / "a.pdf")
    fmt.write(source, document, {}, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_pdf_write_escapes_markup_and_substitutes_unknown_characters(tmp_path):
    source = text_pdf(tmp_path / "in.pdf", [["Placeholder line"]])
    document = fmt.read(source)
    new = "<b>Tom & Jerry</b> → ŵ ✓ 🙂 ’"
    fmt.write(source, document, {0: (Edit(0, len(document.text), new),)}, tmp_path / "o.pdf")
    text = PdfReader(tmp_path / "o.pdf").pages[0].extract_text()
    assert _squash(text) == "<b>Tom & Jerry</b> -> w v ? ’"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("café ’", "café ’"),
        ("→", "->"),
        ("ŵ", "w"),
        ("🙂", "?"),
        ("a\nb", "a\nb"),
    ],
)
def test_pdf_renderable(text, expected):
    _, covered = fmt._font()
    assert fmt.renderable(text, covered) == expected


def test_pdf_read_refuses_drawing_only_page(tmp_path):
    with pytest.raises(NoTextLayer, match="page 2 has no text layer"):
        fmt.read(drawing_pdf(tmp_path / "in.pdf"))


@pytest.mark.parametrize("password", ["", "secret"])
def test_pdf_read_refuses_encrypted(tmp_path, password):
    path = encrypted_pdf(tmp_path / "in.pdf", password)
    if not password:
        assert PdfReader(path).pages[0].extract_text()  # opens silently, yet must be refused
    with pytest.raises(EncryptedFile):
        fmt.read(path)


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n" + PLANTED.encode() * 10,
        b"\x00\x01" + PLANTED.encode(),
        b"",
    ],
    ids=["header-then-garbage", "random", "empty"],
)
def test_pdf_read_refuses_corrupt(tmp_path, content, caplog, capsys):
    path = tmp_path / "in.pdf"
    path.write_bytes(content)
    with caplog.at_level(logging.DEBUG), pytest.raises(InputError) as info:
        fmt.read(path)
    assert isinstance(info.value, (UnreadableFile, NoTextLayer))
    message = str(info.value)
    assert "\n" not in message
    logged = caplog.text + capsys.readouterr().err
    for piece in PLANTED.split():
        assert piece not in message
        assert piece[:3] not in logged  # pypdf quotes raw header bytes in its warnings


def test_pdf_read_refuses_over_limits(tmp_path, monkeypatch):
    source = text_pdf(tmp_path / "in.pdf", [["one"], ["two"]])
    assert len(fmt.read(source).segments) == 2
    monkeypatch.setattr(fmt, "MAX_PAGES", 1)
    with pytest.raises(UnsupportedContent, match="pages"):
        fmt.read(source)
    monkeypatch.setattr(fmt, "MAX_BYTES", 100)
    with pytest.raises(UnreadableFile, match="larger"):
        fmt.read(source)


@pytest.mark.parametrize(
    "text, junk",
    [
        ("Ordinary text, café.", False),
        ("\x01\x02\x03\x04 ab", True),
        ("\ue000\ue001\ue002 abc", True),
        ("abcdefgh \ufffd", False),
    ],
)
def test_pdf_junk_ratio(text, junk):
    assert (fmt._junk_ratio(text) > fmt.MAX_JUNK_RATIO) is junk


def test_pdf_read_gives_form_field_values_not_annotations(tmp_path):
    source = annotated_pdf(tmp_path / "in.pdf", PLANTED)
    reader = PdfReader(source)  # the traps are really there
    assert reader.get_fields()["client_name"]["/V"] == PLANTED
    assert len(reader.pages[0]["/Annots"]) == 4
    document = fmt.read(source)
    assert [(s.where, s.text) for s in document.segments] == [
        ("page 1", "Client details are in the form below."),
        ("page 1 form field 1", PLANTED),  # the checkbox has no text value
    ]


def test_pdf_output_has_no_annotations_or_form_fields_of_the_source(tmp_path):
    source = annotated_pdf(tmp_path / "in.pdf", PLANTED)
    assert find_residuals(source, "pdf", [PLANTED])  # the scan sees the planted name
    expected, target = _anonymise(source, tmp_path, PLANTED, "Client A")
    reader = PdfReader(target)
    assert reader.get_fields() is None
    assert "/AcroForm" not in reader.trailer["/Root"]
    assert all("/Annots" not in page for page in reader.pages)
    assert "Client A" in reader.pages[0].extract_text()  # the value, anonymised, as text
    assert find_residuals(target, "pdf", [PLANTED, PLANTED.split()[0]]) == []
    raw = target.read_bytes()
    for piece in PLANTED.split():
        assert piece.encode() not in raw


def test_pdf_unedited_form_value_is_carried_as_text(tmp_path):
    # the negative control: without an edit the value is in the output, and the scan says so
    source = annotated_pdf(tmp_path / "in.pdf", PLANTED)
    target = tmp_path / "out.pdf"
    fmt.write(source, fmt.read(source), {}, target)
    assert "page 1 text" in find_residuals(target, "pdf", [PLANTED])


def test_pdf_read_refuses_when_too_slow(tmp_path, monkeypatch):
    source = text_pdf(tmp_path / "in.pdf", [["one"], ["two"]])
    monkeypatch.setattr(fmt, "MAX_SECONDS", -1.0)
    with pytest.raises(UnsupportedContent, match="longer than"):
        fmt.read(source)


def test_pdf_write_failure_leaves_no_output(tmp_path, monkeypatch):
    source = text_pdf(tmp_path / "in.pdf", [LINES])
    document = fmt.read(source)
    target = tmp_path / "out.pdf"

    def broken(self, story, *args, **kwargs):
        target.write_bytes(b"%PDF-1.4 partial")
        raise RuntimeError("layout failed")

    from reportlab.platypus import SimpleDocTemplate

    monkeypatch.setattr(SimpleDocTemplate, "build", broken)
    with pytest.raises(OutputError):
        fmt.write(source, document, {}, target)
    assert not target.exists()
