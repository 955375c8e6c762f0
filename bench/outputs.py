"""Read back everything an output file could leak: all text, hidden parts and metadata.

* .txt / .md: the raw text;
* .docx: the text of every XML part in the package (body, headers, footers, footnotes,
  comments, core/app/custom properties…), paragraph by paragraph;
* .pdf: pypdf's text of every page, plus every metadata value.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_output_text(path: Path) -> str:
    """Every piece of text in ``path`` that a reader of the file could see or extract."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_text(path)
    if suffix == ".pdf":
        return _pdf_text(path)
    return path.read_text(encoding="utf-8", errors="replace")


def _xml_part_text(data: bytes, attributes: bool) -> str:
    from lxml import etree

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    paragraphs = list(root.iter(f"{_W}p"))
    if paragraphs:
        lines = ["".join(t.text or "" for t in p.iter(f"{_W}t", f"{_W}delText"))
                 for p in paragraphs]
        return "\n".join(lines)
    pieces = [x.strip() for x in root.itertext()]
    if attributes:  # relationship targets (hyperlinks such as mailto:)
        pieces += [value for el in root.iter() for value in el.attrib.values()]
    return "\n".join(s for s in pieces if s)


def _docx_text(path: Path) -> str:
    chunks: list[str] = []
    with zipfile.ZipFile(path) as package:
        for name in sorted(package.namelist()):
            if name.endswith((".xml", ".rels")):
                chunks.append(_xml_part_text(package.read(name), name.endswith(".rels")))
    return "\n\n".join(chunks)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    chunks = [page.extract_text() or "" for page in reader.pages]
    meta = reader.metadata or {}
    chunks.extend(str(value) for value in meta.values())
    return "\n\n".join(chunks)


def find_output(out_dir: Path, relative: Path) -> Path | None:
    """The output written for input ``relative``: same path, else same stem in the same folder."""
    exact = out_dir / relative
    if exact.exists():
        return exact
    folder = (out_dir / relative).parent
    if folder.is_dir():
        for candidate in sorted(folder.iterdir()):
            if candidate.stem == relative.stem:
                return candidate
    return None
