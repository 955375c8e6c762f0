"""Checks on written Word packages shared by the Word tests."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def entries(path: Path) -> dict[str, bytes]:
    """Every entry of a zip, by name."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def assert_consistent(path: Path) -> None:
    """Every content-type override names an entry, every internal relationship target exists,
    and every ``r:`` reference in a part names one of that part's relationships."""
    parts = entries(path)
    types = etree.fromstring(parts["[Content_Types].xml"])
    for override in types:
        if override.get("PartName"):
            assert override.get("PartName").lstrip("/") in parts, override.get("PartName")
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))
        source = posixpath.join(folder, posixpath.basename(name)[: -len(".rels")])
        ids = set()
        for rel in etree.fromstring(data):
            ids.add(rel.get("Id"))
            if rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
                assert target in parts, target
        if source in parts and source.endswith(".xml"):
            root = etree.fromstring(parts[source])
            used = {v for el in root.iter() if isinstance(el.tag, str)
                    for k, v in el.attrib.items() if k.startswith(_R)}
            assert used <= ids, source
