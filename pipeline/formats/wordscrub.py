"""Changes made to a Word package whatever the detector finds.

* People: every ``author`` attribute (comments, tracked changes in any part) becomes
  "Author", every ``initials`` "A", every ``userId``/``userName`` "Author"; editing-permission
  ranges (which name users) are removed.
* Properties: the core creator and last-modified-by are blanked; the app Company, Manager,
  HyperlinkBase and Template are blanked and a digital-signature blob is removed; custom
  properties of binary or unknown value types are removed.
* Settings: the attached-template link and the mail-merge set-up (data source paths, queries)
  are removed; content-control data bindings (to the dropped custom XML) are removed.
* Bookmarks: every bookmark (and legacy form field) is renamed ``_bm1``, ``_bm2``… and the
  hyperlink anchors and field instructions that refer to them are renamed to match.
* References to dropped parts: the drawing, picture, object or element that points at a
  removed relationship is removed with it.

Every function returns whether it changed anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from pipeline.formats.opc import R_NS
from pipeline.formats.wordml import INSTRUCTION, P, W, apply_edits_in_place, paragraph_text
from pipeline.model import Edit, apply_edits

_NEUTRAL = {"author": "Author", "initials": "A", "userId": "Author", "userName": "Author"}
_R = f"{{{R_NS}}}"
_CONTAINERS = frozenset(
    f"{W}{name}"
    for name in ("drawing", "pict", "object", "altChunk", "attachedTemplate", "mailMerge",
                 "headerReference", "footerReference", "subDoc")
)
_BLANK_CORE = frozenset({"creator", "lastModifiedBy"})
_BLANK_APP = frozenset({"Company", "Manager", "HyperlinkBase", "Template"})
_CUSTOM_TYPES = frozenset(
    "lpwstr lpstr bstr i1 i2 i4 i8 int ui1 ui2 ui4 ui8 uint r4 r8 decimal bool filetime date "
    "cy error clsid empty null vector array variant".split()
)
_FIELD_KEYWORDS = frozenset(
    "PAGE NUMPAGES SECTION SECTIONPAGES DATE TIME AUTHOR TITLE SUBJECT FILENAME USERNAME "
    "USERINITIALS TOC INDEX SEQ NUMWORDS NUMCHARS CREATEDATE SAVEDATE PRINTDATE".split()
)
_REF = re.compile(r'\b(?:REF|PAGEREF|NOTEREF|SET|ASK|GOTOBUTTON)\s+"?([^\s"\\]+)', re.I)
_LINK = re.compile(r'\\l\s+"([^"]*)"')
_BARE = re.compile(r'^\s*([^\s"\\=]+)\s*(?:\\|$)')


def _local(name: str) -> str:
    return etree.QName(name).localname


def _elements(root: etree._Element) -> Iterable[etree._Element]:
    return (el for el in root.iter() if isinstance(el.tag, str))


def _detach(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


_NEUTRAL_ATTRIBUTES = etree.XPath(
    "//@*[" + " or ".join(f"local-name()='{name}'" for name in _NEUTRAL) + "]"
)
_PERMISSIONS = etree.XPath("//w:permStart | //w:permEnd", namespaces={"w": W[1:-1]})


def neutralise_people(root: etree._Element) -> bool:
    """Replace author/initials/user attributes wholesale; remove permission ranges."""
    changed = False
    for el in _PERMISSIONS(root):
        _detach(el)
        changed = True
    for attribute in _NEUTRAL_ATTRIBUTES(root):
        neutral = _NEUTRAL[_local(attribute.attrname)]
        if attribute != neutral:
            attribute.getparent().set(attribute.attrname, neutral)
            changed = True
    return changed


def _blank(root: etree._Element, names: frozenset[str]) -> bool:
    changed = False
    for el in _elements(root):
        if _local(el.tag) in names and (el.text or len(el)):
            el.text = None
            for child in list(el):
                el.remove(child)
            changed = True
    return changed


def blank_core(root: etree._Element) -> bool:
    """Blank the creator and last-modified-by core properties."""
    return _blank(root, _BLANK_CORE)


def blank_app(root: etree._Element) -> bool:
    """Blank Company, Manager, HyperlinkBase and Template; remove a signature blob."""
    changed = _blank(root, _BLANK_APP)
    for el in list(_elements(root)):
        if _local(el.tag) == "DigSig":
            _detach(el)
            changed = True
    return changed


def clean_custom(root: etree._Element) -> bool:
    """Remove custom properties whose value is binary or of an unknown type."""
    changed = False
    for prop in list(root):
        if not isinstance(prop.tag, str):
            continue
        if any(_local(el.tag) not in _CUSTOM_TYPES for el in _elements(prop) if el is not prop):
            root.remove(prop)
            changed = True
    return changed


def clean_settings(root: etree._Element) -> bool:
    """Remove the attached-template link and the mail-merge set-up."""
    doomed = [el for el in root.iter(f"{W}attachedTemplate", f"{W}mailMerge")]
    for el in doomed:
        _detach(el)
    return bool(doomed)


def remove_data_bindings(root: etree._Element) -> bool:
    """Remove content-control data bindings (``w:dataBinding`` in any Word namespace)."""
    doomed = [
        el for el in _elements(root)
        if _local(el.tag) == "dataBinding" and _local(el.getparent().tag) == "sdtPr"
    ]
    for el in doomed:
        _detach(el)
    return bool(doomed)


def remove_references(root: etree._Element, ids: frozenset[str]) -> bool:
    """Remove what refers (by an ``r:`` attribute) to one of the relationship ids."""
    hits = [
        el for el in _elements(root)
        if any(k.startswith(_R) and v in ids for k, v in el.attrib.items())
    ]
    changed = False
    for el in hits:
        if _local(el.tag) == "svgBlip":
            container = el.getparent()  # the a:ext holding the SVG; the PNG fallback stays
        else:
            container = next(
                (a for a in (el, *el.iterancestors()) if a.tag in _CONTAINERS), el
            )
        if container is not root and container.getparent() is not None:
            container.getparent().remove(container)
            changed = True
    return changed


class BookmarkNames:
    """Renames bookmarks consistently across all parts of one package."""

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}

    def rename(self, old: str) -> str:
        """The new name for ``old`` (bookmark names are case-insensitive)."""
        key = old.casefold()
        if key not in self.mapping:
            self.mapping[key] = f"_bm{len(self.mapping) + 1}"
        return self.mapping[key]

    def define(self, root: etree._Element) -> bool:
        """Rename the bookmarks and form fields defined in a part."""
        changed = False
        for el in root.iter(f"{W}bookmarkStart"):
            name = el.get(f"{W}name")
            if name is not None and self.rename(name) != name:
                el.set(f"{W}name", self.rename(name))
                changed = True
        for el in root.iter(f"{W}ffData"):
            for name_el in el.iter(f"{W}name"):
                value = name_el.get(f"{W}val")
                if value and self.rename(value) != value:
                    name_el.set(f"{W}val", self.rename(value))
                    changed = True
        return changed

    def _edits(self, instruction: str) -> list[Edit]:
        found: dict[int, Edit] = {}
        matches = [*_REF.finditer(instruction), *_LINK.finditer(instruction)]
        bare = _BARE.match(instruction)
        if bare and bare.group(1).upper() not in _FIELD_KEYWORDS:
            matches.append(bare)
        for match in matches:
            key = match.group(1).casefold()
            if key in self.mapping:
                found[match.start(1)] = Edit(match.start(1), match.end(1), self.mapping[key])
        edits: list[Edit] = []
        for edit in sorted(found.values()):
            if not edits or edit.start >= edits[-1].end:
                edits.append(edit)
        return edits

    def refer(self, root: etree._Element) -> bool:
        """Rename hyperlink anchors and bookmark references in field instructions."""
        changed = False
        for el in root.iter(f"{W}hyperlink"):
            anchor = el.get(f"{W}anchor")
            if anchor and anchor != "_top" and self.rename(anchor) != anchor:
                el.set(f"{W}anchor", self.rename(anchor))
                changed = True
        for el in root.iter(f"{W}fldSimple"):
            instruction = el.get(f"{W}instr") or ""
            edits = self._edits(instruction)
            if edits:
                el.set(f"{W}instr", apply_edits(instruction, edits))
                changed = True
        for paragraph in root.iter(P):
            edits = self._edits(paragraph_text(paragraph, INSTRUCTION))
            if edits:
                apply_edits_in_place(paragraph, edits, INSTRUCTION)
                changed = True
        return changed
