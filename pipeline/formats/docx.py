"""Word .docx files: one segment per paragraph of every text-bearing XML part.

The package is walked directly with zipfile + lxml (python-docx's text API skips tracked
insertions, text boxes, content controls, simple fields, smart tags and footnotes). Parts read,
in this order: the main document, every header and footer (all sections, all variants), the
footnotes, endnotes and comments, and the glossary document. Within a part, every ``w:p`` in
document order is a paragraph (tables, nested tables, text boxes and content controls
included); paragraphs without text produce no segment.

The writer re-opens the source, re-walks it identically, applies the edits in place (see
:mod:`pipeline.formats.wordml`), checks that every edited paragraph now reads exactly as
planned, and writes a new package in which only the edited parts differ.

Refused (fail closed): anything :func:`pipeline.formats.ooxml.load_package` refuses, Strict
Open XML documents, macros, embedded or linked OLE objects, ActiveX controls, imported chunks
(altChunk), charts and SmartArt (their text is not read yet).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.errors import OutputError, UnreadableFile, UnsupportedContent
from pipeline.formats import Format
from pipeline.formats.ooxml import (
    Package,
    has_doctype,
    load_package,
    parse_xml,
    save_package,
    serialise_xml,
)
from pipeline.formats.wordml import (
    P,
    W_NS,
    EditPlacementError,
    apply_edits_in_place,
    paragraph_text,
)
from pipeline.model import Document, EditMap, apply_edits

_OFFICE_DOCUMENT = "/officeDocument"
_DEFAULT_MAIN = "word/document.xml"
_SIDE_PARTS = re.compile(r"^(header|footer)(\d*)\.xml$|^(footnotes|endnotes|comments)\.xml$")
_SIDE_ORDER = {"header": 0, "footer": 1, "footnotes": 2, "endnotes": 3, "comments": 4}
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

#: (test on a lower-cased entry name, reason) for content that is refused.
_REFUSED_ENTRIES: tuple[tuple[str, str], ...] = (
    ("vbaproject.bin", "macro-enabled Word file (VBA macros); save it as a plain .docx"),
    ("vbadata.xml", "macro-enabled Word file (VBA macros); save it as a plain .docx"),
    ("/embeddings/", "embedded objects (OLE) are not supported; remove them first"),
    ("/activex/", "ActiveX controls are not supported; remove them first"),
    ("/charts/", "charts are not supported yet; remove them first"),
    ("/diagrams/", "SmartArt diagrams are not supported yet; remove them first"),
)
#: (relationship type suffix, reason) for relationships that are refused wherever they appear.
_REFUSED_RELS: tuple[tuple[str, str], ...] = (
    ("/afchunk", "imported content (altChunk) is not supported; remove it first"),
    ("/oleobject", "embedded or linked objects (OLE) are not supported; remove them first"),
    ("/package", "embedded packages are not supported; remove them first"),
    ("/control", "ActiveX controls are not supported; remove them first"),
    ("/vbaproject", "macro-enabled Word file (VBA macros); save it as a plain .docx"),
)


@dataclass(frozen=True)
class _Paragraph:
    part: str
    where: str
    element: etree._Element
    text: str


@dataclass(frozen=True)
class _Walk:
    trees: dict[str, etree._ElementTree]
    paragraphs: tuple[_Paragraph, ...]


def _main_part(package: Package) -> str:
    if "_rels/.rels" not in package.data:
        return _DEFAULT_MAIN
    root = parse_xml(package, "_rels/.rels", "the package relationships").getroot()
    for rel in root.iter(f"{_REL_NS}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            return posixpath.normpath(rel.get("Target", "").lstrip("/"))
    return _DEFAULT_MAIN


def _refuse_content(package: Package) -> None:
    for name in package.names:
        lowered = "/" + name.lower()
        if lowered.endswith((".xml", ".rels")) and has_doctype(package.data[name]):
            raise UnreadableFile("a package part holds a DOCTYPE (not allowed in Office files)")
        for needle, reason in _REFUSED_ENTRIES:
            if needle in lowered:
                raise UnsupportedContent(reason)
    for name in package.names:
        if not name.endswith(".rels"):
            continue
        rels = parse_xml(package, name, "a relationships part").getroot()
        for rel in rels.iter(f"{_REL_NS}Relationship"):
            rel_type = rel.get("Type", "").lower()
            for suffix, reason in _REFUSED_RELS:
                if rel_type.endswith(suffix):
                    raise UnsupportedContent(reason)


def _side_key(name: str) -> tuple[int, int, str]:
    match = _SIDE_PARTS.match(posixpath.basename(name))
    assert match is not None
    kind = match.group(1) or match.group(3)
    number = int(match.group(2)) if match.group(2) else 0
    return _SIDE_ORDER[kind], number, name


def _text_parts(package: Package, main: str) -> list[str]:
    folder = posixpath.dirname(main)
    side = [
        name
        for name in package.names
        if posixpath.dirname(name) == folder
        and name != main
        and _SIDE_PARTS.match(posixpath.basename(name))
    ]
    parts = [main, *sorted(side, key=_side_key)]
    glossary = posixpath.join(folder, "glossary", "document.xml")
    if glossary in package.data:
        parts.append(glossary)
    return parts


def _label(part: str, main: str) -> str:
    if part == main:
        return "body"
    stem = posixpath.splitext(posixpath.basename(part))[0]
    return "glossary" if posixpath.basename(posixpath.dirname(part)) == "glossary" else stem


def _walk(package: Package) -> _Walk:
    _refuse_content(package)
    main = _main_part(package)
    if main not in package.data:
        raise UnreadableFile("not a Word document (no main document part)")
    trees: dict[str, etree._ElementTree] = {}
    paragraphs: list[_Paragraph] = []
    for part in _text_parts(package, main):
        label = _label(part, main)
        tree = parse_xml(package, part, f"the {label} part")
        root = tree.getroot()
        if etree.QName(root).namespace != W_NS:
            raise UnsupportedContent("Strict Open XML Word files are not supported; save as .docx")
        trees[part] = tree
        for number, element in enumerate(root.iter(P), start=1):
            text = paragraph_text(element)
            if text:
                paragraphs.append(_Paragraph(part, f"{label} paragraph {number}", element, text))
    return _Walk(trees, tuple(paragraphs))


def read(path: Path) -> Document:
    """Read a .docx file: one segment per non-empty paragraph of every text part."""
    walk = _walk(load_package(path, "Word"))
    return Document.from_parts(path, "docx", [(p.part, p.where, p.text) for p in walk.paragraphs])


def write(source: Path, document: Document, edits: EditMap, target: Path) -> None:
    """Write ``source`` with ``edits`` applied to ``target``; unedited parts are copied as-is.

    Raises:
        UnreadableFile: the source changed since it was read.
        UnsupportedContent: an edit could not be placed exactly as planned.
    """
    package = load_package(source, "Word")
    walk = _walk(package)
    if [p.text for p in walk.paragraphs] != [s.text for s in document.segments]:
        raise UnreadableFile("file changed while it was being processed")
    changed: set[str] = set()
    for index in sorted(edits):
        segment_edits = edits[index]
        if not segment_edits:
            continue
        if not 0 <= index < len(walk.paragraphs):
            raise UnsupportedContent(f"edit for unknown segment {index}")
        paragraph = walk.paragraphs[index]
        try:
            expected = apply_edits(paragraph.text, segment_edits)
            apply_edits_in_place(paragraph.element, segment_edits)
        except (EditPlacementError, ValueError):
            raise UnsupportedContent(f"cannot place edits in {paragraph.where}") from None
        if paragraph_text(paragraph.element) != expected:
            raise UnsupportedContent(f"edits in {paragraph.where} did not apply cleanly")
        changed.add(paragraph.part)
    replaced = {part: serialise_xml(walk.trees[part]) for part in sorted(changed)}
    try:
        save_package(package, replaced, target)
    except OSError as exc:
        raise OutputError(f"cannot write output ({exc.strerror or type(exc).__name__})") from None


FORMAT = Format(name="docx", suffixes=(".docx",), read=read, write=write)
