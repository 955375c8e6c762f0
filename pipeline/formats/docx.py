"""Word .docx files: every place of the package that can hold text is a segment.

The package is walked directly with zipfile + lxml (python-docx's text API skips tracked
changes, text boxes, content controls, simple fields, smart tags, footnotes and metadata).
:mod:`pipeline.formats.wordpackage` decides which parts are read, kept, dropped or refused;
:mod:`pipeline.formats.wordscrub` makes the changes that do not depend on detection (authors,
people, template and mail-merge links, bookmark names); :mod:`pipeline.formats.wordslots`
lists the segments, in this order:

1. for each text part (main document, headers, footers, footnotes, endnotes, comments,
   glossary): every paragraph's text (as it reads with tracked changes accepted), each of its
   tracked deletions, and its field instructions; then the part's attribute values (simple
   field instructions, hyperlink tooltips, content-control titles, tags, dates and list
   items, form-field texts, image and shape alt texts, titles, names and paths);
2. the external targets (hyperlinks, linked pictures) in the text parts' relationships;
3. document variables (settings); core, app and custom properties.

Reading and writing run the same preparation on a fresh copy of the source, so segment
numbers match. The writer applies the edits in place, checks that every edited segment now
reads exactly as planned, strips image metadata, and writes a new package in which only the
changed parts differ; dropped parts, their relationships and content types are left out.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import time
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.errors import AnonymiseError, OutputError, UnreadableFile, UnsupportedContent
from pipeline.formats import STRICT, Format, ReadOptions, ReadResult, images, removing_on_error
from pipeline.formats import wordscrub as scrub
from pipeline.formats import wordslots as slots_of
from pipeline.formats.ooxml import (
    Package,
    has_doctype,
    load_package,
    parse_xml,
    save_package,
    serialise_xml,
)
from pipeline.formats.opc import (
    CONTENT_TYPES,
    override_for,
    remove_overrides,
    remove_relationships,
    source_of,
)
from pipeline.formats.wordml import W_NS, EditPlacementError
from pipeline.formats.wordpackage import XML_ROLES, PartPlan, Role, classify, is_glossary
from pipeline.model import Document, EditMap, apply_edits

#: Longest time spent preparing one file, in seconds (checked between parts).
MAX_SECONDS = 120.0
_SIDE_PARTS = re.compile(r"^(header|footer)(\d*)\.xml$|^(footnotes|endnotes|comments)\.xml$")
_SIDE_ORDER = {"header": 0, "footer": 1, "footnotes": 2, "endnotes": 3, "comments": 4}
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass
class _Prepared:
    package: Package
    plan: PartPlan
    trees: dict[str, etree._ElementTree]
    dirty: set[str]
    slots: list[slots_of.Slot]


class _Clock:
    def __init__(self) -> None:
        self.start = time.monotonic()

    def check(self) -> None:
        if time.monotonic() - self.start > MAX_SECONDS:
            raise UnsupportedContent(f"Word file took longer than {MAX_SECONDS:.0f} s to read")


def _label(part: str, main: str) -> str:
    if part == main:
        return "body"
    if is_glossary(part):
        return "glossary"
    return posixpath.splitext(posixpath.basename(part))[0]


def _text_order(part: str, main: str) -> tuple[int, int, int, str]:
    if part == main:
        return 0, 0, 0, part
    if is_glossary(part):
        return 3, 0, 0, part
    match = _SIDE_PARTS.match(posixpath.basename(part))
    if match is None:
        return 2, 0, 0, part
    kind = match.group(1) or match.group(3)
    return 1, _SIDE_ORDER[kind], int(match.group(2) or 0), part


#: Attribute and element names that make a structure part need changes (see wordscrub).
_STRUCTURE_TRIGGERS = (b"author", b"initials", b"userId", b"userName", b"permStart", b"permEnd")


def _needs_tree(data: bytes) -> bool:
    """Whether a structure part (styles, numbering, fonts, theme…) must be parsed.

    Such parts are only parsed to neutralise people's names in author-like attributes and
    to remove permission ranges; one that mentions none of them in UTF-8 is copied as it is.
    (python-docx's template alone carries 800 kB of styles, which took more time to parse and
    write than detection took on the text.)
    """
    utf8 = data.startswith(b"<") or data.startswith(b"\xef\xbb\xbf")
    return not utf8 or any(trigger in data for trigger in _STRUCTURE_TRIGGERS)


#: Digests of structure parts already found well-formed (bounded; see _check_well_formed).
_WELL_FORMED: set[bytes] = set()


def _check_well_formed(package: Package, part: str) -> None:
    """Refuse a malformed structure part that is not otherwise parsed, as parsing it would.

    A corrupt file is refused even where the corrupt part holds no text. Parts are remembered
    by digest, so template parts repeated across a batch are parsed once.

    Raises:
        UnreadableFile: the part is missing or not well-formed XML.
    """
    digest = hashlib.blake2b(package.data.get(part, b""), digest_size=16).digest()
    if digest in _WELL_FORMED:
        return
    parse_xml(package, part, "a package part")
    if len(_WELL_FORMED) >= 256:
        _WELL_FORMED.clear()
    _WELL_FORMED.add(digest)


def _parse_parts(package: Package, plan: PartPlan, trees: dict[str, etree._ElementTree],
                 clock: _Clock) -> None:
    with_removed_rels = {source_of(rels_part) for rels_part in plan.removed_rels}
    for part, role in plan.roles.items():
        if (role is Role.STRUCTURE and part not in with_removed_rels
                and not _needs_tree(package.data.get(part, b""))):
            _check_well_formed(package, part)
            continue
        if role in XML_ROLES:
            label = "the main document part" if part == plan.main else "a package part"
            trees[part] = parse_xml(package, part, label)
            clock.check()
            if role is Role.TEXT and etree.QName(trees[part].getroot()).namespace != W_NS:
                raise UnsupportedContent(
                    "Strict Open XML Word files are not supported; save as .docx"
                )


def _restructure(plan: PartPlan, trees: dict[str, etree._ElementTree], dirty: set[str]) -> None:
    """Remove dropped relationships, what refers to them, and dropped content types."""
    for rels_part, ids in sorted(plan.removed_rels.items()):
        if remove_relationships(trees[rels_part], ids):
            dirty.add(rels_part)
        source = source_of(rels_part)
        if source in trees and scrub.remove_references(trees[source].getroot(), ids):
            dirty.add(source)
    content_types = trees[CONTENT_TYPES]
    if remove_overrides(content_types, plan.drop):
        dirty.add(CONTENT_TYPES)
    if plan.macro_main:
        override_for(content_types, plan.main).set("ContentType", _DOCX_MAIN)
        dirty.add(CONTENT_TYPES)


_SCRUB_BY_ROLE = {
    Role.CORE: (scrub.blank_core,),
    Role.APP: (scrub.blank_app,),
    Role.CUSTOM: (scrub.clean_custom,),
    Role.SETTINGS: (scrub.clean_settings,),
    Role.TEXT: (scrub.remove_data_bindings,),
}


def _scrub(plan: PartPlan, trees: dict[str, etree._ElementTree], dirty: set[str],
           text_parts: list[str]) -> None:
    for part, role in plan.roles.items():
        if role not in XML_ROLES or part not in trees:
            continue
        root = trees[part].getroot()
        for step in (scrub.neutralise_people, *_SCRUB_BY_ROLE.get(role, ())):
            if step(root):
                dirty.add(part)
    names = scrub.BookmarkNames()
    for step in (names.define, names.refer):
        for part in text_parts:
            if step(trees[part].getroot()):
                dirty.add(part)


def _collect(plan: PartPlan, trees: dict[str, etree._ElementTree],
             text_parts: list[str]) -> list[slots_of.Slot]:
    external: dict[str, dict[str, str]] = {}
    for rels_part, rel_id, label in plan.external_text:
        external.setdefault(rels_part, {})[rel_id] = label
    collected: list[slots_of.Slot] = []
    for part in text_parts:
        root = trees[part].getroot()
        collected.extend(slots_of.text_part_slots(part, _label(part, plan.main), root))
    for rels_part in sorted(external, key=lambda r: (source_of(r) not in text_parts, r)):
        collected.extend(
            slots_of.target_slots(rels_part, trees[rels_part].getroot(), external[rels_part])
        )
    by_role = {
        Role.SETTINGS: slots_of.settings_slots, Role.CORE: slots_of.core_slots,
        Role.APP: slots_of.app_slots, Role.CUSTOM: slots_of.custom_slots,
    }
    for role, collect in by_role.items():
        for part in sorted(p for p, r in plan.roles.items() if r is role):
            collected.extend(collect(part, trees[part].getroot()))
    return collected


def _prepare(package: Package, options: ReadOptions) -> _Prepared:
    clock = _Clock()
    for name in package.names:
        if name.lower().endswith((".xml", ".rels")) and has_doctype(package.data[name]):
            raise UnreadableFile("a package part holds a DOCTYPE (not allowed in Office files)")
    trees: dict[str, etree._ElementTree] = {}
    plan = classify(package, trees, options.drop_unsupported)
    _parse_parts(package, plan, trees, clock)
    dirty: set[str] = set()
    _restructure(plan, trees, dirty)
    text_parts = sorted(
        (p for p, r in plan.roles.items() if r is Role.TEXT),
        key=lambda p: _text_order(p, plan.main),
    )
    _scrub(plan, trees, dirty, text_parts)
    clock.check()
    return _Prepared(package, plan, trees, dirty, _collect(plan, trees, text_parts))


def _guarded(package_source: Path, options: ReadOptions) -> _Prepared:
    """Load and prepare; any unexpected failure on malformed input becomes UnreadableFile."""
    try:
        return _prepare(load_package(package_source, "Word"), options)
    except AnonymiseError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, etree.LxmlError,
            RecursionError) as exc:
        raise UnreadableFile(f"malformed Word file ({type(exc).__name__})") from None


def load(path: Path, options: ReadOptions = STRICT) -> ReadResult:
    """Read a .docx file: one segment per place that holds text (see the module docstring)."""
    prepared = _guarded(path, options)
    parts = [(slot.part, slot.where, slot.read()) for slot in prepared.slots]
    return ReadResult(Document.from_parts(path, "docx", parts), prepared.plan.dropped)


def read(path: Path, options: ReadOptions = STRICT) -> Document:
    """Read a .docx file and return the document only."""
    return load(path, options).document


def _apply(prepared: _Prepared, document: Document, edits: EditMap) -> None:
    texts = [slot.read() for slot in prepared.slots]
    if texts != [s.text for s in document.segments]:
        raise UnreadableFile("file changed while it was being processed")
    for index in sorted(edits):
        segment_edits = edits[index]
        if not segment_edits:
            continue
        if not 0 <= index < len(prepared.slots):
            raise UnsupportedContent(f"edit for unknown segment {index}")
        slot = prepared.slots[index]
        try:
            expected = apply_edits(texts[index], segment_edits)
            slot.write(segment_edits)
        except (EditPlacementError, ValueError):
            raise UnsupportedContent(f"cannot place edits in {slot.where}") from None
        if slot.read() != expected:
            raise UnsupportedContent(f"edits in {slot.where} did not apply cleanly")
        prepared.dirty.add(slot.part)


def _images(prepared: _Prepared) -> dict[str, bytes]:
    cleaned: dict[str, bytes] = {}
    for part, role in prepared.plan.roles.items():
        if role is Role.IMAGE:
            data = prepared.package.data[part]
            stripped = images.strip_metadata(data)
            if stripped != data:
                cleaned[part] = stripped
    return cleaned


def write(
    source: Path, document: Document, edits: EditMap, target: Path,
    options: ReadOptions = STRICT,
) -> None:
    """Write ``source`` with ``edits`` applied to ``target``; unchanged parts are copied as-is.

    ``options`` must be those the document was read with.

    Raises:
        UnreadableFile: the source changed since it was read.
        UnsupportedContent: an edit could not be placed exactly as planned, or the source
            holds unsupported content and ``options`` do not allow dropping it.
        OutputError: the output cannot be written.
    """
    with removing_on_error(target):
        prepared = _guarded(source, options)
        _apply(prepared, document, edits)
        replaced = {
            part: serialise_xml(prepared.trees[part])
            for part in sorted(prepared.dirty)
            if part not in prepared.plan.drop
        }
        replaced.update(_images(prepared))
        try:
            save_package(prepared.package, replaced, target, prepared.plan.drop)
        except OSError as exc:
            raise OutputError(
                f"cannot write output ({exc.strerror or type(exc).__name__})"
            ) from None


FORMAT = Format(name="docx", suffixes=(".docx",), load=load, write=write)
