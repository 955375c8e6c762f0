"""PDF files: text read with pypdf, output regenerated as a new, plain PDF with reportlab.

Reading refuses encrypted files (even when an empty password opens them), files over the size,
page or time caps, and any page without a usable text layer (scans and vector drawings need OCR
first). Each page's text is split on blank lines; every non-empty paragraph is a segment whose
``where`` is "page N". The values of the text and choice form fields whose widgets sit on a
page follow that page's paragraphs, as segments "page N form field M" (text extraction does
not see them, yet they are content).

Writing never copies anything from the source file: it lays out the anonymised paragraphs of
each source page on a fresh page (overflowing onto extra pages if needed) with a TrueType font
bundled with reportlab. The output carries no source metadata, XMP, outlines, annotations
(comments, links), attachments, form fields (their anonymised values are plain paragraphs),
JavaScript or images; its metadata is fixed and the file is byte-deterministic. Layout, fonts
and images of the original are lost by design.
"""

from __future__ import annotations

import logging
import os
import re
import time
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from pipeline.errors import (
    AnonymiseError,
    EncryptedFile,
    NoTextLayer,
    OutputError,
    UnreadableFile,
    UnsupportedContent,
)
from pipeline.formats import STRICT, Format, ReadOptions, ReadResult, removing_on_error
from pipeline.model import Document, EditMap, apply_edits

MB = 1024 * 1024
#: Largest PDF read.
MAX_BYTES = 50 * MB
#: Most pages read.
MAX_PAGES = 2000
#: Share of undecodable characters above which a page's text is treated as gibberish.
MAX_JUNK_RATIO = 0.25
#: Longest time spent reading one PDF, in seconds (checked between pages).
MAX_SECONDS = 120.0
#: Most form-field values read per page.
MAX_FIELDS_PER_PAGE = 500

OUTPUT_TITLE = "Anonymised document"
OUTPUT_PRODUCER = "anonymise"
_FONT_NAME = "AnonymiseVera"
_WHERE = re.compile(r"^page (\d+)(?: form field \d+)?$")
_BLANK_LINE = re.compile(r"\n[ \t\f\v\r]*\n")
_JUNK = frozenset({"Cc", "Co", "Cn", "Cs"})  # control, private-use, unassigned, surrogate
_SUBSTITUTES = {"→": "->", "←": "<-", "✓": "v", "✔": "v", "✗": "x", "\t": " ", "\f": " "}


def _junk_ratio(text: str) -> float:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    junk = sum(1 for ch in visible if ch == "\ufffd" or unicodedata.category(ch) in _JUNK)
    return junk / len(visible)


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's log messages and warnings: some quote raw bytes of the file."""
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def _get(node: object, key: str) -> object:
    """``node[key]`` with indirect references resolved, or None."""
    value = node.get(key)  # type: ignore[attr-defined]
    return value.get_object() if value is not None else None


def _identity(node: object) -> object:
    """The object number of a PDF dictionary read from a file, else its Python identity."""
    reference = getattr(node, "indirect_reference", None)
    return (reference.idnum, reference.generation) if reference is not None else id(node)


def _field_values(page: object) -> list[str]:
    """Text and choice form-field values whose widgets are on ``page`` (each field once)."""
    values: list[str] = []
    seen: set[object] = set()
    for ref in _get(page, "/Annots") or []:  # type: ignore[union-attr]
        annotation = ref.get_object()
        if _get(annotation, "/Subtype") != "/Widget":
            continue
        node, value, field_type, field_id = annotation, None, None, _identity(annotation)
        for _ in range(32):  # fields inherit /V and /FT from their parents
            value = _get(node, "/V") if value is None else value
            field_type = _get(node, "/FT") if field_type is None else field_type
            if "/T" in node:
                field_id = _identity(node)
            parent = _get(node, "/Parent")
            if parent is None:
                break
            node = parent
        if field_type not in ("/Tx", "/Ch") or field_id in seen:
            continue
        seen.add(field_id)
        items = [v.get_object() for v in (value if isinstance(value, list) else [value])
                 if v is not None]
        text = "\n".join(str(v) for v in items if isinstance(v, str)).strip()
        if text:
            values.append(text)
        if len(values) > MAX_FIELDS_PER_PAGE:
            raise UnsupportedContent(f"PDF page has more than {MAX_FIELDS_PER_PAGE} form fields")
    return values


def _page_texts(path: Path) -> list[tuple[str, list[str]]]:
    """Return each page's extracted text and form-field values after the safety checks."""
    started = time.monotonic()
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableFile(f"PDF larger than {MAX_BYTES // MB} MB")
    except OSError as exc:
        raise UnreadableFile(f"cannot read file ({exc.strerror or type(exc).__name__})") from None
    from pypdf import PdfReader

    with quiet_pypdf():
        try:
            reader = PdfReader(path, strict=False)
            encrypted = reader.is_encrypted
            count = 0 if encrypted else len(reader.pages)
        except Exception as exc:  # pypdf raises many types on malformed input
            raise UnreadableFile(f"corrupt or unreadable PDF ({type(exc).__name__})") from None
        if encrypted:
            raise EncryptedFile("encrypted or password-protected PDF; remove the protection first")
        if count > MAX_PAGES:
            raise UnsupportedContent(f"PDF has more than {MAX_PAGES} pages")
        if count == 0:
            raise NoTextLayer("PDF has no pages")
        texts: list[tuple[str, list[str]]] = []
        for number in range(1, count + 1):
            if time.monotonic() - started > MAX_SECONDS:
                raise UnsupportedContent(f"PDF took longer than {MAX_SECONDS:.0f} s to read")
            try:
                page = reader.pages[number - 1]
                text = page.extract_text() or ""
                fields = _field_values(page)
            except UnsupportedContent:
                raise
            except Exception as exc:
                reason = type(exc).__name__
                raise UnreadableFile(f"page {number} cannot be read ({reason})") from None
            if not text.strip():
                raise NoTextLayer(
                    f"page {number} has no text layer (scanned or drawn); OCR it first"
                )
            if _junk_ratio(text) > MAX_JUNK_RATIO:
                raise UnsupportedContent(
                    f"page {number} text cannot be decoded (font without a Unicode map); "
                    "OCR it first"
                )
            texts.append((text, fields))
    return texts


def split_paragraphs(text: str) -> list[str]:
    """Split a page's text on blank lines into stripped, non-empty paragraphs."""
    pieces = (piece.strip() for piece in _BLANK_LINE.split(text.replace("\r\n", "\n")))
    return [piece for piece in pieces if piece]


def load(path: Path, options: ReadOptions = STRICT) -> ReadResult:
    """Read a PDF with a text layer: one segment per paragraph and form-field value of each
    page. Nothing is dropped at read time (the writer copies nothing from the source)."""
    parts: list[tuple[str, str, str]] = []
    for number, (text, fields) in enumerate(_page_texts(path), start=1):
        parts.extend(("page", f"page {number}", para) for para in split_paragraphs(text))
        parts.extend(
            ("page", f"page {number} form field {i}", value)
            for i, value in enumerate(fields, start=1)
        )
    return ReadResult(Document.from_parts(path, "pdf", parts))


def read(path: Path, options: ReadOptions = STRICT) -> Document:
    """Read a PDF and return the document only."""
    return load(path, options).document


@cache
def _font() -> tuple[str, frozenset[int]]:
    """Register the bundled Vera TrueType font; return its name and covered code points."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(_FONT_NAME, os.path.join(reportlab.__path__[0], "fonts", "Vera.ttf"))
    pdfmetrics.registerFont(font)
    return _FONT_NAME, frozenset(font.face.charToGlyph)


def renderable(text: str, covered: frozenset[int]) -> str:
    """Replace characters the font cannot draw with close ASCII forms, or "?"."""
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ord(ch) in covered:
            out.append(ch)
            continue
        if ch in _SUBSTITUTES:
            out.append(_SUBSTITUTES[ch])
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        out.append(base if base and all(ord(c) in covered for c in base) else "?")
    return "".join(out)


def _markup(text: str, covered: frozenset[int]) -> str:
    lines = renderable(text, covered).split("\n")
    return "<br/>".join(escape(line) for line in lines)


def _pages(document: Document, edits: EditMap) -> list[list[str]]:
    """Group the anonymised segment texts by source page, in page order."""
    pages: dict[int, list[str]] = {}
    for segment in document.segments:
        match = _WHERE.match(segment.where)
        if match is None:
            raise UnsupportedContent("PDF segment without a page number")
        text = apply_edits(segment.text, edits.get(segment.index, ()))
        pages.setdefault(int(match.group(1)), []).append(text)
    return [pages[number] for number in sorted(pages)]


def _build(document: Document, edits: EditMap, target: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    font_name, covered = _font()
    style = ParagraphStyle(
        "anonymised", fontName=font_name, fontSize=10.5, leading=14, spaceAfter=6
    )
    story: list[object] = []
    for page_number, paragraphs in enumerate(_pages(document, edits)):
        if page_number:
            story.append(PageBreak())
        story.extend(Paragraph(_markup(text, covered), style) for text in paragraphs)
    template = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=OUTPUT_TITLE,
        author="",
        subject="",
        creator=OUTPUT_PRODUCER,
        producer=OUTPUT_PRODUCER,
        keywords=[],
        invariant=1,
    )
    template.build(story)


def write(
    source: Path, document: Document, edits: EditMap, target: Path,
    options: ReadOptions = STRICT,
) -> None:
    """Write a fresh PDF with the anonymised text of ``document`` to ``target``.

    ``source`` is not opened: nothing from the original file reaches the output.

    Raises:
        UnsupportedContent: a segment does not belong to a page.
        OutputError: reportlab could not lay out or write the file.
    """
    with removing_on_error(target):
        try:
            _build(document, edits, target)
        except AnonymiseError:
            raise
        except OSError as exc:
            raise OutputError(
                f"cannot write output ({exc.strerror or type(exc).__name__})"
            ) from None
        except Exception as exc:  # reportlab layout errors
            raise OutputError(f"cannot lay out the PDF ({type(exc).__name__})") from None


FORMAT = Format(name="pdf", suffixes=(".pdf",), load=load, write=write)
