"""Plain readers for re-scanning written outputs, independent of the format readers.

Each reader turns a file into ``(location, text)`` views: everything a person or a program
could get out of the file as text. They share no code with the segment walks of the format
modules, so a gap in a reader or a bug in a writer does not hide itself.

* .docx: every zip entry name; every XML part's text nodes (joined without and with line
  breaks, so text split over runs is found), attribute values (also percent-decoded),
  comments and processing instructions; every other part as raw bytes (see
  :func:`byte_views`).
* .pdf: each page's extracted text, the document information, the XMP stream, outline titles,
  attachment names and contents, and every string and decoded stream of every object
  (annotations, form fields, JavaScript, anything else).
* text: the raw bytes decoded as UTF-8 and as Windows-1252.

Locations name entries, pages and object numbers, never content.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

View = tuple[str, str, str]
"""``(location, text, kind)``: kind is "text", or "ascii"/"utf16" for text decoded from
arbitrary bytes (images, fonts, streams) as UTF-8 or as UTF-16."""

#: Largest entry or stream decoded (outputs are bounded by the input caps anyway).
MAX_BYTES = 64 * 1024 * 1024
#: First bytes of an XML part: "<", or a UTF-8 or UTF-16 byte-order mark.
_XML_STARTS = (b"<", b"\xef", b"\xff", b"\xfe")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=True)


def byte_views(location: str, data: bytes, utf16_kind: str = "utf16") -> Iterator[View]:
    """Views of arbitrary bytes: UTF-8 (ASCII) and UTF-16 in both byte orders and alignments.

    ``utf16_kind`` is the kind given to the UTF-16 views: "ascii" for bytes whose UTF-16 text
    is known to be ordinary prose (a font's licence), where short values would match words.
    """
    yield location, data.decode("utf-8", "replace"), "ascii"
    for codec in ("utf-16-le", "utf-16-be"):
        for start in (0, 1):
            chunk = data[start:]
            yield location, chunk[: len(chunk) // 2 * 2].decode(codec, "replace"), utf16_kind


def _xml_views(name: str, data: bytes) -> Iterator[View] | None:
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    texts: list[str] = []
    attributes: list[str] = []
    for node in root.iter():
        if isinstance(node.tag, str):
            for value in node.attrib.values():
                attributes.append(value)
                if "%" in value:
                    attributes.append(unquote(value))
        elif node.text:  # comment or processing instruction
            attributes.append(node.text)
        texts.append(node.text or "")
        texts.append(node.tail or "")
    return iter(
        [(name, "".join(texts), "text"), (name, "\n".join(texts), "text"),
         (f"{name} (attributes)", "\n".join(attributes), "text")]
    )


_TAG = re.compile(rb"<[^>]*>")
#: Markup after which a part's raw bytes no longer show its text and attribute values as they
#: are: entity and character references, CDATA, comments, processing instructions, percent
#: encoding.
_NOT_LITERAL = (b"&", b"<![CDATA[", b"<!--", b"%")


#: Parts between these sizes (bytes) have their literal forms cached: template parts such as
#: python-docx's 350 kB styles repeat in every file made from the template.
CACHED_PART_SIZES = (64 * 1024, 8 * 1024 * 1024)


def _literal_forms(data: bytes) -> tuple[str, str] | None:
    low, high = CACHED_PART_SIZES
    return _cached_literal_forms(data) if low <= len(data) < high else _compute_literal_forms(data)


@lru_cache(maxsize=4)
def _cached_literal_forms(data: bytes) -> tuple[str, str] | None:
    return _compute_literal_forms(data)


def _compute_literal_forms(data: bytes) -> tuple[str, str] | None:
    """Two strings that together hold every text and attribute value of an XML part as
    written, or None when the part's bytes are not that simple.

    In UTF-8 XML without references, CDATA, comments or processing instructions (after the
    declaration), text nodes are what is left once tags are removed, and attribute values
    appear unchanged in the raw bytes. A value absent from both cannot be in any view of the
    part.
    """
    if not data.startswith(b"<") or any(marker in data for marker in _NOT_LITERAL):
        return None
    body = data[data.index(b"?>") + 2 :] if data.startswith(b"<?xml") and b"?>" in data else data
    if b"<?" in body:
        return None
    try:
        return data.decode("utf-8"), _TAG.sub(b"", body).decode("utf-8")
    except UnicodeDecodeError:
        return None


def docx_views(path: Path, might_hold: Callable[[str], bool] | None = None) -> Iterator[View]:
    """Views of a Word package (see the module docstring).

    ``might_hold`` (optional) tells whether a string could contain what the caller looks for;
    XML parts whose literal forms (see :func:`_literal_forms`) it rejects are not parsed.
    """
    with zipfile.ZipFile(path) as zf:
        for number, info in enumerate(zf.infolist(), start=1):
            yield f"package entry name {number}", info.filename, "text"
            if info.comment:
                comment = info.comment.decode("utf-8", "replace")
                yield f"package entry comment {number}", comment, "text"
            with zf.open(info) as fh:
                data = fh.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise ValueError("entry too large to re-scan")
            if might_hold is not None and (forms := _literal_forms(data)) is not None:
                if not any(might_hold(form) for form in forms):
                    continue
            views = _xml_views(info.filename, data) if data.lstrip()[:1] in _XML_STARTS else None
            yield from views if views is not None else byte_views(info.filename, data)
        if zf.comment:
            yield "package comment", zf.comment.decode("utf-8", "replace"), "text"


def _strings(obj: object, depth: int = 0) -> Iterator[str]:
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    if depth > 40:
        return
    if isinstance(obj, str) and not isinstance(obj, NameObject):
        yield str(obj)
    elif isinstance(obj, NameObject):
        yield str(obj)[1:]
    elif isinstance(obj, bytes):
        yield obj.decode("latin-1")
    elif isinstance(obj, DictionaryObject):
        for key, value in obj.items():
            yield str(key)[1:]
            yield from _strings(value, depth + 1)
    elif isinstance(obj, ArrayObject):
        for item in obj:
            yield from _strings(item, depth + 1)


def _outline_titles(items: list) -> Iterator[str]:
    for item in items:
        if isinstance(item, list):
            yield from _outline_titles(item)
        else:
            yield str(getattr(item, "title", "") or "")


_FONT_SUBTYPES = ("/Type1C", "/CIDFontType0C", "/OpenType")


def pdf_views(path: Path, might_hold: Callable[[str], bool] | None = None) -> Iterator[View]:
    """Views of a PDF (see the module docstring)."""
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject, StreamObject

    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        raise ValueError("encrypted output")
    for number, page in enumerate(reader.pages, start=1):
        yield f"page {number} text", page.extract_text() or "", "text"
    yield "document information", "\n".join(
        f"{k} {v}" for k, v in (reader.metadata or {}).items()
    ), "text"
    metadata = reader.trailer["/Root"].get("/Metadata")
    if metadata is not None:
        yield "XMP metadata", metadata.get_object().get_data().decode("utf-8", "replace"), "text"
    yield "outline", "\n".join(_outline_titles(reader.outline)), "text"
    for name, contents in reader.attachments.items():
        yield "attachment name", name, "text"
        for data in contents:
            yield from byte_views("attachment", data)
    size = int(reader.trailer.get("/Size", 0))
    for number in range(1, min(size, 1_000_000)):
        try:
            obj = IndirectObject(number, 0, reader).get_object()
        except Exception:  # free or damaged entries: nothing to read
            continue
        if obj is None:
            continue
        yield f"object {number}", "\n".join(_strings(obj)), "text"
        if isinstance(obj, StreamObject):
            # An embedded font program carries its licence in UTF-16 ("The Font Software may
            # be modified"): like other raw bytes, it is searched for longer values only.
            font = "/Length1" in obj or obj.get("/Subtype") in _FONT_SUBTYPES
            yield from byte_views(f"object {number} stream", obj.get_data(),
                                  "ascii" if font else "utf16")


def text_views(path: Path, might_hold: Callable[[str], bool] | None = None) -> Iterator[View]:
    """Views of a text file: its bytes as UTF-8 and as Windows-1252."""
    data = path.read_bytes()
    yield "text", data.decode("utf-8", "replace"), "text"
    yield "text", data.decode("cp1252", "replace"), "text"


#: Readers by format name; each accepts an optional ``might_hold`` filter (used by .docx only).
VIEWS: dict[str, Callable[..., Iterator[View]]] = {"docx": docx_views, "pdf": pdf_views, "text": text_views}
