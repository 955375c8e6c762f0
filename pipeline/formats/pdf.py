"""PDF files: text read with pypdf, output regenerated as a new, plain PDF with reportlab.

Reading refuses encrypted files (even when an empty password opens them), files over the size
or page caps, and any page without a usable text layer (scans and vector drawings need OCR
first). Each page's text is split on blank lines; every non-empty paragraph is a segment whose
``where`` is "page N".

Writing never copies anything from the source file: it lays out the anonymised paragraphs of
each source page on a fresh page (overflowing onto extra pages if needed) with a TrueType font
bundled with reportlab. The output carries no source metadata, XMP, outlines, annotations,
attachments, form fields or images; its metadata is fixed and the file is byte-deterministic.
Layout, fonts and images of the original are lost by design.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from pipeline.errors import (
    EncryptedFile,
    NoTextLayer,
    OutputError,
    UnreadableFile,
    UnsupportedContent,
)
from pipeline.formats import Format
from pipeline.model import Document, EditMap, apply_edits

MB = 1024 * 1024
#: Largest PDF read.
MAX_BYTES = 50 * MB
#: Most pages read.
MAX_PAGES = 2000
#: Share of undecodable characters above which a page's text is treated as gibberish.
MAX_JUNK_RATIO = 0.25

OUTPUT_TITLE = "Anonymised document"
OUTPUT_PRODUCER = "anonymise"
_FONT_NAME = "AnonymiseVera"
_WHERE = re.compile(r"^page (\d+)$")
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
def _quiet_pypdf() -> Iterator[None]:
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


def _page_texts(path: Path) -> list[str]:
    """Return each page's extracted text after the safety checks."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableFile(f"PDF larger than {MAX_BYTES // MB} MB")
    except OSError as exc:
        raise UnreadableFile(f"cannot read file ({exc.strerror or type(exc).__name__})") from None
    from pypdf import PdfReader

    with _quiet_pypdf():
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
        texts: list[str] = []
        for number in range(1, count + 1):
            try:
                text = reader.pages[number - 1].extract_text() or ""
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
            texts.append(text)
    return texts


def split_paragraphs(text: str) -> list[str]:
    """Split a page's text on blank lines into stripped, non-empty paragraphs."""
    pieces = (piece.strip() for piece in _BLANK_LINE.split(text.replace("\r\n", "\n")))
    return [piece for piece in pieces if piece]


def read(path: Path) -> Document:
    """Read a PDF with a text layer: one segment per paragraph of each page."""
    parts: list[tuple[str, str, str]] = []
    for number, text in enumerate(_page_texts(path), start=1):
        parts.extend(("page", f"page {number}", para) for para in split_paragraphs(text))
    return Document.from_parts(path, "pdf", parts)


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


def write(source: Path, document: Document, edits: EditMap, target: Path) -> None:
    """Write a fresh PDF with the anonymised text of ``document`` to ``target``.

    ``source`` is not opened: nothing from the original file reaches the output.

    Raises:
        OutputError: reportlab could not lay out or write the file.
    """
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
    try:
        template.build(story)
    except OSError as exc:
        raise OutputError(f"cannot write output ({exc.strerror or type(exc).__name__})") from None
    except Exception as exc:  # reportlab layout errors
        raise OutputError(f"cannot lay out the PDF ({type(exc).__name__})") from None


FORMAT = Format(name="pdf", suffixes=(".pdf",), read=read, write=write)
