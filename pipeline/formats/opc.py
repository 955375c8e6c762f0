"""Open Packaging Conventions: the relationships and content types of a loaded package.

A package is a graph: ``_rels/.rels`` relates the package to its root parts (the main
document, the properties, the thumbnail) and each part's own ``_rels/<name>.rels`` relates it
to further parts or to external targets (hyperlinks, linked files). Parts that no relationship
reaches are not part of the document.
"""

from __future__ import annotations

import posixpath
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from pipeline.formats.ooxml import Package, parse_xml

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
#: Namespace of ``r:id``/``r:embed``/``r:link`` attributes that point at relationships.
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
RELATIONSHIP = f"{{{REL_NS}}}Relationship"


@dataclass(frozen=True)
class Relationship:
    """One ``Relationship`` element.

    Attributes:
        source: the part it belongs to ("" for the package itself).
        rels_part: the ``.rels`` entry holding it.
        id: its ``Id``.
        type: its full ``Type`` URI.
        target: its raw ``Target``.
        external: whether ``TargetMode`` is ``External``.
        part: for internal targets, the entry name the target resolves to ("" if none).
    """

    source: str
    rels_part: str
    id: str
    type: str
    target: str
    external: bool
    part: str

    @property
    def kind(self) -> str:
        """The last segment of the type URI, lower case (e.g. ``"image"``, ``"header"``)."""
        return self.type.rstrip("/").rsplit("/", 1)[-1].lower()


def rels_part_for(part: str) -> str:
    """The entry name of ``part``'s relationships (``""`` → ``_rels/.rels``)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def source_of(rels_part: str) -> str | None:
    """The part a ``.rels`` entry belongs to, or None if the name is not a relationships part."""
    folder, name = posixpath.split(rels_part)
    if posixpath.basename(folder) != "_rels" or not name.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")])


def _resolve(package: Package, source: str, target: str) -> str:
    raw = target.split("#", 1)[0]
    if not raw:
        return ""
    joined = raw.lstrip("/") if raw.startswith("/") else posixpath.join(
        posixpath.dirname(source), raw
    )
    name = posixpath.normpath(joined)
    if name.startswith("../") or name in (".", ".."):
        return ""
    for candidate in (name, unquote(name)):
        if candidate in package.data:
            return candidate
    lowered = {n.casefold(): n for n in package.names}  # part names are case-insensitive
    return lowered.get(name.casefold(), lowered.get(unquote(name).casefold(), ""))


def read_relationships(
    package: Package, trees: dict[str, etree._ElementTree]
) -> dict[str, list[Relationship]]:
    """Parse every ``.rels`` entry of a part that exists; return source part → relationships.

    Parsed trees are stored in ``trees`` under the ``.rels`` entry name.
    """
    result: dict[str, list[Relationship]] = {}
    for name in package.names:
        source = source_of(name)
        if source is None or (source and source not in package.data):
            continue
        tree = trees.get(name) or parse_xml(package, name, "a relationships part")
        trees[name] = tree
        rels = []
        for el in tree.getroot().iter(RELATIONSHIP):
            external = el.get("TargetMode", "") == "External"
            target = el.get("Target", "")
            part = "" if external else _resolve(package, source, target)
            rels.append(
                Relationship(source, name, el.get("Id", ""), el.get("Type", ""), target,
                             external, part)
            )
        result[source] = rels
    return result


def walk(
    relationships: dict[str, list[Relationship]],
    enter: Callable[[Relationship], bool] = lambda rel: True,
) -> Iterator[Relationship]:
    """Yield, breadth-first from the package, the relationship that first reaches each part.

    Relationships for which ``enter`` is false are neither yielded nor followed.
    """
    seen: set[str] = set()
    queue: deque[str] = deque([""])
    while queue:
        source = queue.popleft()
        for rel in relationships.get(source, ()):
            if rel.external or not rel.part or rel.part in seen or not enter(rel):
                continue
            seen.add(rel.part)
            queue.append(rel.part)
            yield rel


def remove_relationships(tree: etree._ElementTree, ids: Iterable[str]) -> bool:
    """Delete the relationships with these ids from a parsed ``.rels``; return whether any was."""
    wanted = set(ids)
    changed = False
    for el in list(tree.getroot().iter(RELATIONSHIP)):
        if el.get("Id") in wanted:
            el.getparent().remove(el)
            changed = True
    return changed


def remove_overrides(tree: etree._ElementTree, parts: Iterable[str]) -> bool:
    """Delete content-type overrides for ``parts``; return whether any was deleted."""
    gone = {f"/{part}".casefold() for part in parts}
    changed = False
    for el in list(tree.getroot().iter(f"{{{CT_NS}}}Override")):
        if el.get("PartName", "").casefold() in gone:
            el.getparent().remove(el)
            changed = True
    return changed


def override_for(tree: etree._ElementTree, part: str) -> etree._Element | None:
    """The content-type ``Override`` element of ``part``, if any."""
    wanted = f"/{part}".casefold()
    for el in tree.getroot().iter(f"{{{CT_NS}}}Override"):
        if el.get("PartName", "").casefold() == wanted:
            return el
    return None
