"""Which parts of a Word package are read, kept, dropped or refused.

Every part is classified by the relationship that reaches it from the package root:

* **text** parts (main document, headers, footers, footnotes, endnotes, comments, glossary)
  are read paragraph by paragraph; **settings** and the **core/app/custom properties** are
  read for their text values; **structure** parts (styles, numbering, fonts, theme, web
  settings, comment extensions) are kept; embedded fonts are kept; **images** are kept with
  their metadata stripped when they are JPEG, PNG, GIF or BMP.
* Always **dropped** (they are data about the document, not its content, and can identify
  people): the thumbnail (a picture of page 1), the people list, custom XML data, printer
  settings, digital signatures (broken by any edit anyway), mail-merge recipient data and the
  attached-template and mail-merge data-source links.
* Everything else is **unsupported**: macros, embedded or linked objects, ActiveX controls,
  imported chunks, charts, SmartArt, vector or unknown images, external links other than
  hyperlinks and linked pictures, unknown relationship types and parts no relationship
  reaches. The file is refused, unless the caller opted in to dropping such content.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from enum import Enum

from lxml import etree

from pipeline.errors import UnreadableFile, UnsupportedContent
from pipeline.formats import images
from pipeline.formats.ooxml import Package, parse_xml
from pipeline.formats.opc import (
    CONTENT_TYPES,
    Relationship,
    override_for,
    read_relationships,
    rels_part_for,
    source_of,
    walk,
)


class Role(Enum):
    """What the anonymiser does with a part."""

    TEXT = "text"
    SETTINGS = "settings"
    CORE = "core"
    APP = "app"
    CUSTOM = "custom"
    STRUCTURE = "structure"
    FONT = "font"
    IMAGE = "image"
    DROP = "drop"
    UNSUPPORTED = "unsupported"


#: Roles of parts that are parsed as XML.
XML_ROLES = frozenset(
    {Role.TEXT, Role.SETTINGS, Role.CORE, Role.APP, Role.CUSTOM, Role.STRUCTURE}
)

_ROLE_BY_KIND: dict[str, Role] = {
    **dict.fromkeys(
        ("officedocument", "header", "footer", "footnotes", "endnotes", "comments",
         "glossarydocument"), Role.TEXT),
    "settings": Role.SETTINGS,
    "core-properties": Role.CORE,
    "extended-properties": Role.APP,
    "custom-properties": Role.CUSTOM,
    **dict.fromkeys(
        ("styles", "styleswitheffects", "websettings", "fonttable", "theme", "numbering",
         "commentsextended", "commentsids", "commentsextensible"), Role.STRUCTURE),
    "font": Role.FONT,
    "image": Role.IMAGE,
    **dict.fromkeys(
        ("thumbnail", "people", "customxml", "customxmlprops", "printersettings", "origin",
         "signature", "recipientdata", "attachedtemplate", "mailmergesource",
         "mailmergeheadersource"), Role.DROP),
}
#: External relationship kinds whose target is read as text (and anonymised).
EXTERNAL_TEXT = {"hyperlink": "hyperlink target", "image": "linked image target"}

_MACROS = ("macros", "macro-enabled Word file (VBA macros); save it as a plain .docx")
_OLE = ("embedded object", "embedded or linked objects (OLE) are not supported; remove them first")
_CHART = ("chart", "charts are not supported yet; remove them first")
_SMARTART = ("SmartArt diagram", "SmartArt diagrams are not supported yet; remove them first")
_UNSUPPORTED_BY_KIND: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ("vbaproject", "wordvbadata", "keymapcustomizations", "attachedtoolbars"), _MACROS),
    "oleobject": _OLE,
    "package": _OLE,
    **dict.fromkeys(("control", "activexcontrolbinary"),
                    ("ActiveX control", "ActiveX controls are not supported; remove them first")),
    "afchunk": ("imported content",
                "imported content (altChunk) is not supported; remove it first"),
    **dict.fromkeys(("chart", "chartusershapes"), _CHART),
    **dict.fromkeys(
        ("diagramdata", "diagramlayout", "diagramquickstyle", "diagramcolors",
         "diagramdrawing"), _SMARTART),
}
_UNKNOWN = ("unsupported part",
            "the file holds a kind of content that cannot be checked; remove it first")
_IMAGE = ("unsupported image",
          "images other than JPEG, PNG, GIF or BMP (e.g. EMF, WMF, SVG) can hold text and are "
          "not supported; convert or remove them")
_EXTERNAL = ("external link",
             "links to external objects (linked files, sub-documents) are not supported; "
             "remove them first")
_ORPHAN = ("unreferenced part",
           "the file holds parts no relationship refers to; open and re-save it in Word")
#: (test on a lower-cased entry name, reason) to explain unreferenced parts.
_ORPHAN_HINTS = (("vbaproject.bin", _MACROS), ("vbadata.xml", _MACROS),
                 ("/embeddings/", _OLE), ("/activex/", _UNSUPPORTED_BY_KIND["control"]),
                 ("/charts/", _CHART), ("/diagrams/", _SMARTART))


@dataclass(frozen=True)
class PartPlan:
    """The outcome of classifying a package.

    Attributes:
        main: the main document part.
        roles: every kept part (except the content types and ``.rels`` entries) → its role.
        drop: entries left out of the output.
        removed_rels: ``.rels`` entry → ids of relationships to remove.
        external_text: (``.rels`` entry, relationship id, label) of external targets to read.
        dropped: labels of unsupported content dropped (empty unless dropping was allowed).
        macro_main: the main part's content type declares macros (fixed when dropping).
    """

    main: str
    roles: dict[str, Role]
    drop: frozenset[str]
    removed_rels: dict[str, frozenset[str]]
    external_text: tuple[tuple[str, str, str], ...]
    dropped: tuple[str, ...]
    macro_main: bool


def _role(rel: Relationship, package: Package) -> tuple[Role, tuple[str, str] | None]:
    kind = rel.kind
    if kind in _UNSUPPORTED_BY_KIND:
        return Role.UNSUPPORTED, _UNSUPPORTED_BY_KIND[kind]
    role = _ROLE_BY_KIND.get(kind)
    if role is None:
        return Role.UNSUPPORTED, _UNKNOWN
    if role is Role.IMAGE and rel.part:
        try:
            images.strip_metadata(package.data[rel.part])
        except ValueError:
            return Role.UNSUPPORTED, _IMAGE
    return role, None


class _Classifier:
    def __init__(self, package: Package, trees: dict[str, etree._ElementTree]) -> None:
        self.package = package
        self.rels = read_relationships(package, trees)
        self.roles: dict[str, Role] = {}
        self.removed: dict[str, set[str]] = {}
        self.external: list[tuple[str, str, str]] = []
        self.unsupported: list[tuple[str, str]] = []

    def _remove(self, rel: Relationship) -> None:
        self.removed.setdefault(rel.rels_part, set()).add(rel.id)

    def _external(self, rel: Relationship) -> None:
        kind = rel.kind
        if kind in EXTERNAL_TEXT:
            self.external.append((rel.rels_part, rel.id, EXTERNAL_TEXT[kind]))
        elif _ROLE_BY_KIND.get(kind) is Role.DROP:
            self._remove(rel)
        else:
            self.unsupported.append(_UNSUPPORTED_BY_KIND.get(kind, _EXTERNAL))
            self._remove(rel)

    def run(self, main: str) -> None:
        queue = [""]
        while queue:
            source = queue.pop(0)
            for rel in self.rels.get(source, ()):
                if rel.external:
                    self._external(rel)
                    continue
                role, reason = _role(rel, self.package)
                if rel.kind == "officedocument" and rel.part != main:
                    role, reason = Role.UNSUPPORTED, _UNKNOWN
                if role is Role.DROP:
                    self._remove(rel)
                elif role is Role.UNSUPPORTED:
                    self.unsupported.append(reason or _UNKNOWN)
                    self._remove(rel)
                elif rel.part and rel.part not in self.roles:
                    self.roles[rel.part] = role
                    queue.append(rel.part)

    def orphans(self) -> list[str]:
        reachable = {rel.part for rel in walk(self.rels)}
        found = []
        for name in self.package.names:
            if name == CONTENT_TYPES or name in reachable or name.endswith("/"):
                continue
            source = source_of(name)
            if source is not None and (source == "" or source in reachable):
                continue
            found.append(name)
        return found


def classify(
    package: Package, trees: dict[str, etree._ElementTree], drop_unsupported: bool
) -> PartPlan:
    """Classify every part; refuse unsupported content unless ``drop_unsupported``.

    Parsed ``.rels`` parts and the content types are stored in ``trees``.

    Raises:
        UnreadableFile: no main document or no content types.
        UnsupportedContent: unsupported content, when dropping is not allowed.
    """
    classifier = _Classifier(package, trees)
    main = next(
        (rel.part for rel in classifier.rels.get("", ())
         if rel.kind == "officedocument" and not rel.external and rel.part),
        "",
    )
    if not main:
        raise UnreadableFile("not a Word document (no main document part)")
    if CONTENT_TYPES not in package.data:
        raise UnreadableFile("not a Word document (no content types)")
    content_types = parse_xml(package, CONTENT_TYPES, "the content types")
    trees[CONTENT_TYPES] = content_types
    classifier.run(main)
    override = override_for(content_types, main)
    macro_main = override is not None and "macroenabled" in override.get("ContentType", "").lower()
    if macro_main:
        classifier.unsupported.insert(0, _MACROS)
    for name in classifier.orphans():
        hint = next((r for needle, r in _ORPHAN_HINTS if needle in "/" + name.lower()), _ORPHAN)
        classifier.unsupported.append(hint)
    if classifier.unsupported and not drop_unsupported:
        raise UnsupportedContent(classifier.unsupported[0][1])
    kept = {CONTENT_TYPES, *classifier.roles}
    kept.update(rels_part_for(p) for p in ["", *classifier.roles])
    return PartPlan(
        main=main,
        roles=classifier.roles,
        drop=frozenset(name for name in package.names if name not in kept),
        removed_rels={k: frozenset(v) for k, v in classifier.removed.items() if k in kept},
        external_text=tuple(e for e in classifier.external if e[0] in kept),
        dropped=_labels(classifier.unsupported) if drop_unsupported else (),
        macro_main=macro_main,
    )


def _labels(reasons: list[tuple[str, str]]) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    labels = []
    for noun, _ in reasons:
        counts[noun] = counts.get(noun, 0) + 1
        if noun == "macros":
            if counts[noun] == 1:
                labels.append(noun)
            continue
        labels.append(f"{noun} {counts[noun]}")
    return tuple(labels)


def is_glossary(part: str) -> bool:
    """Whether ``part`` belongs to the glossary document (building blocks)."""
    return posixpath.basename(posixpath.dirname(part)) == "glossary"
