"""The places in a Word package that hold text, as editable slots.

A slot is one segment of the document: a paragraph's text or field instructions, or one
attribute or element value (alt text, a property, a hyperlink target…). Each slot can read
its current text and apply segment edits in place. ``where`` labels name the kind of place and
its number, never its text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from lxml import etree

from pipeline.formats.opc import RELATIONSHIP
from pipeline.formats.wordml import (
    A_P,
    DEL,
    DELETED,
    INSTRUCTION,
    TEXT,
    P,
    TextModel,
    W,
    apply_edits_in_place,
    own_elements,
    paragraph_text,
)
from pipeline.model import Edit, apply_edits

_VML_NS = "urn:schemas-microsoft-com:vml"
_O = "{urn:schemas-microsoft-com:office:office}"
#: Characters left as they are when an edited URL is written back.
_URL_SAFE = ":/?#@!$&'()*+,;=~\\"


@dataclass(frozen=True)
class ParagraphSlot:
    """A paragraph's visible text or its field instructions."""

    part: str
    where: str
    element: etree._Element
    model: TextModel

    def read(self) -> str:
        """The current text."""
        return paragraph_text(self.element, self.model)

    def write(self, edits: Sequence[Edit]) -> None:
        """Apply edits in place (see :mod:`pipeline.formats.wordml`)."""
        apply_edits_in_place(self.element, edits, self.model)


@dataclass(frozen=True)
class ValueSlot:
    """An attribute value, or an element's text when ``attribute`` is empty.

    URL values (``url=True``) are read percent-decoded and written back percent-encoded.
    """

    part: str
    where: str
    element: etree._Element
    attribute: str = ""
    url: bool = False

    def _raw(self) -> str:
        if self.attribute:
            return self.element.get(self.attribute) or ""
        return self.element.text or ""

    def read(self) -> str:
        """The current value."""
        raw = self._raw()
        return unquote(raw) if self.url else raw

    def write(self, edits: Sequence[Edit]) -> None:
        """Apply edits to the value and store it."""
        new = apply_edits(self.read(), edits)
        raw = quote(new, safe=_URL_SAFE) if self.url else new
        if self.attribute:
            self.element.set(self.attribute, raw)
        else:
            self.element.text = raw


Slot = ParagraphSlot | ValueSlot


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _values(part: str, where: str, el: etree._Element, attrs: Sequence[tuple[str, str]]
            ) -> Iterator[ValueSlot]:
    for attribute, suffix in attrs:
        if (el.get(attribute) or "").strip():
            yield ValueSlot(part, f"{where} {suffix}".strip(), el, attribute)


def _sdt_slots(part: str, label: str, number: int, sdt_pr: etree._Element) -> Iterator[ValueSlot]:
    where = f"{label} content control {number}"
    for el in sdt_pr.iter():
        if el.tag == f"{W}alias":
            yield from _values(part, where, el, [(f"{W}val", "title")])
        elif el.tag == f"{W}tag":
            yield from _values(part, where, el, [(f"{W}val", "tag")])
        elif el.tag == f"{W}date":
            yield from _values(part, where, el, [(f"{W}fullDate", "date")])
    for item, el in enumerate(sdt_pr.iter(f"{W}listItem"), start=1):
        yield from _values(part, where, el, [(f"{W}displayText", f"list item {item} text"),
                                             (f"{W}value", f"list item {item} value")])


def _form_slots(part: str, label: str, number: int, ff_data: etree._Element
                ) -> Iterator[ValueSlot]:
    where = f"{label} form field {number}"
    names = {"default": "default text", "statusText": "status text", "helpText": "help text"}
    for el in ff_data.iter():
        suffix = names.get(_local(el.tag))
        if suffix and el.tag.startswith(W):
            yield from _values(part, where, el, [(f"{W}val", suffix)])
    for entry, el in enumerate(ff_data.iter(f"{W}listEntry"), start=1):
        yield from _values(part, where, el, [(f"{W}val", f"list entry {entry}")])


def _attribute_slots(part: str, label: str, root: etree._Element) -> Iterator[ValueSlot]:
    counts: dict[str, int] = {}

    def number(kind: str) -> int:
        counts[kind] = counts.get(kind, 0) + 1
        return counts[kind]

    for el in root.iter():
        tag, local = el.tag, _local(el.tag)
        if tag == f"{W}fldSimple":
            yield from _values(part, f"{label} simple field {number('fld')}", el,
                               [(f"{W}instr", "instruction")])
        elif tag == f"{W}hyperlink":
            yield from _values(part, f"{label} hyperlink {number('link')}", el,
                               [(f"{W}tooltip", "tooltip"), (f"{W}docLocation", "location")])
        elif tag == f"{W}sdtPr":
            yield from _sdt_slots(part, label, number("sdt"), el)
        elif tag == f"{W}ffData":
            yield from _form_slots(part, label, number("form"), el)
        elif local in ("docPr", "cNvPr"):
            n = number("image")
            yield from _values(part, f"{label} image", el, [
                ("descr", f"alt text {n}"), ("title", f"title {n}"), ("name", f"name {n}")])
        elif isinstance(tag, str) and tag.startswith(f"{{{_VML_NS}}}"):
            n = number("shape")
            yield from _values(part, f"{label} shape", el, [
                ("alt", f"alt text {n}"), ("title", f"title {n}"),
                (f"{_O}title", f"image title {n}"), (f"{_O}href", f"image path {n}"),
                (f"{_O}althref", f"alternate path {n}")])


def text_part_slots(part: str, label: str, root: etree._Element) -> list[Slot]:
    """Slots of a text part: each paragraph's text, its tracked deletions and its field
    instructions, then the part's attribute values."""
    slots: list[Slot] = []
    for number, element in enumerate(root.iter(P, A_P), start=1):
        where = f"{label} paragraph {number}"
        candidates = [ParagraphSlot(part, where, element, TEXT)]
        if element.tag == P:
            candidates.extend(
                ParagraphSlot(part, f"{where} deletion {n}", deletion, DELETED)
                for n, deletion in enumerate(own_elements(element, DEL), start=1)
            )
            candidates.append(ParagraphSlot(part, f"{where} field instruction", element,
                                            INSTRUCTION))
        slots.extend(slot for slot in candidates if slot.read())
    slots.extend(_attribute_slots(part, label, root))
    return slots


def settings_slots(part: str, root: etree._Element) -> list[Slot]:
    """Document variables: their names and values."""
    slots: list[Slot] = []
    for number, el in enumerate(root.iter(f"{W}docVar"), start=1):
        slots.extend(_values(part, f"document variable {number}", el,
                             [(f"{W}name", "name"), (f"{W}val", "value")]))
    return slots


_CORE_LABELS = {
    "title": "title", "subject": "subject", "keywords": "keywords",
    "description": "description", "category": "category", "identifier": "identifier",
    "contentStatus": "status", "version": "version", "language": "language",
}
_CORE_SKIP = frozenset({"creator", "lastModifiedBy", "created", "modified", "lastPrinted",
                        "revision"})


def _texts(root: etree._Element) -> Iterator[etree._Element]:
    for el in root.iter():
        if isinstance(el.tag, str) and el is not root and (el.text or "").strip():
            yield el


def core_slots(part: str, root: etree._Element) -> list[Slot]:
    """Core properties other than the (blanked) people and the dates."""
    slots: list[Slot] = []
    others = 0
    for el in _texts(root):
        local = _local(el.tag)
        if local in _CORE_SKIP:
            continue
        if local in _CORE_LABELS:
            where = f"core property {_CORE_LABELS[local]}"
        else:
            others += 1
            where = f"core property other {others}"
        slots.append(ValueSlot(part, where, el))
    return slots


_APP_SKIP = frozenset(
    "Application AppVersion DocSecurity ScaleCrop LinksUpToDate SharedDoc HyperlinksChanged "
    "TotalTime Pages Words Characters Lines Paragraphs CharactersWithSpaces Notes HiddenSlides "
    "MMClips i1 i2 i4 i8 int ui1 ui2 ui4 ui8 uint r4 r8 bool filetime".split()
)
_APP_GROUPS = {"TitlesOfParts": "title of part", "HLinks": "hyperlink list entry"}
#: Word's own names for the groups listed in TitlesOfParts ("Title", "Headings").
_APP_SKIP_GROUPS = frozenset({"HeadingPairs"})


def app_slots(part: str, root: etree._Element) -> list[Slot]:
    """Text values of the app properties (titles of parts, hyperlink lists…)."""
    slots: list[Slot] = []
    counts: dict[str, int] = {}
    for el in _texts(root):
        if _local(el.tag) in _APP_SKIP:
            continue
        top = el
        while top.getparent() is not None and top.getparent() is not root:
            top = top.getparent()
        if _local(top.tag) in _APP_SKIP_GROUPS:
            continue
        group = _APP_GROUPS.get(_local(top.tag), "other")
        counts[group] = counts.get(group, 0) + 1
        slots.append(ValueSlot(part, f"app property {group} {counts[group]}", el))
    return slots


def custom_slots(part: str, root: etree._Element) -> list[Slot]:
    """Custom properties: each name, and each text value."""
    slots: list[Slot] = []
    for number, prop in enumerate((p for p in root if isinstance(p.tag, str)), start=1):
        where = f"custom property {number}"
        slots.extend(_values(part, where, prop, [("name", "name")]))
        values = [el for el in _texts(prop) if _local(el.tag) in ("lpwstr", "lpstr", "bstr")]
        for item, el in enumerate(values, start=1):
            suffix = "value" if len(values) == 1 else f"value {item}"
            slots.append(ValueSlot(part, f"{where} {suffix}", el))
    return slots


def target_slots(rels_part: str, root: etree._Element, wanted: dict[str, str]) -> list[Slot]:
    """External targets of the relationships ``wanted`` (id → label), read as decoded URLs."""
    slots: list[Slot] = []
    counts: dict[str, int] = {}
    for el in root.iter(RELATIONSHIP):
        label = wanted.get(el.get("Id", ""))
        if label is None or not (el.get("Target") or "").strip():
            continue
        counts[label] = counts.get(label, 0) + 1
        slots.append(ValueSlot(rels_part, f"{label} {counts[label]}", el, "Target", url=True))
    return slots
