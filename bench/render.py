"""Render gold documents as .txt, .docx (python-docx) and .pdf (reportlab).

.docx files put the header block in a table, split some paragraphs into several runs (as Word
does), and carry names in the page header and footer, a comment and the core properties.
.pdf files carry names in a running header and in the document metadata. Those hidden names
are listed in :attr:`GoldDoc.hidden`, so leak checks look for them too.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bench.gold import GoldDoc

_KIND_TITLES = {"reflective": "Reflective account", "witness": "Witness testimony",
                "casenote": "Case notes", "handover": "Handover", "safeguarding": "Safeguarding"}


def render(doc: GoldDoc, path: Path) -> None:
    """Write ``doc`` to ``path`` in its format."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if doc.format == "txt":
        path.write_text(doc.text, encoding="utf-8")
    elif doc.format == "docx":
        _docx(doc, path)
    elif doc.format == "pdf":
        _pdf(doc, path)
    else:
        raise ValueError(f"unknown format {doc.format!r}")


def _blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in text.split("\n\n")]


def _split_runs(paragraph: object, line: str, rng: random.Random) -> list[object]:
    """Add ``line`` to ``paragraph`` as 1–4 runs, cut at random points (even inside words)."""
    cuts: list[int] = []
    if len(line) > 8 and rng.random() < 0.35:
        cuts = sorted(rng.sample(range(1, len(line)), rng.randint(1, 3)))
    pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    runs = [paragraph.add_run(piece) for piece in pieces]  # type: ignore[attr-defined]
    if len(runs) > 1 and rng.random() < 0.5:
        runs[0].bold = True
    return runs


def _docx(doc: GoldDoc, path: Path) -> None:
    import docx

    rng = random.Random(doc.doc_id)
    document = docx.Document()
    client, writer = doc.hidden or ("", "")
    blocks = _blocks(doc.text)
    header_lines = blocks[0]
    first_runs: list[object] = []
    if rng.random() < 0.5 and len(header_lines) > 2:
        document.add_heading(header_lines[0], level=1)
        rows = [line.split(": ", 1) if ": " in line else [line, ""] for line in header_lines[1:]]
        table = document.add_table(rows=len(rows), cols=2)
        for r, (label, value) in enumerate(rows):
            table.cell(r, 0).text = label if not value else label + ":"
            table.cell(r, 1).text = value
    else:
        for line in header_lines:
            runs = _split_runs(document.add_paragraph(), line, rng)
            first_runs = first_runs or runs
    for block in blocks[1:]:
        for line in block:
            runs = _split_runs(document.add_paragraph(), line, rng)
            first_runs = first_runs or runs
    if client:
        section = document.sections[0]
        section.header.paragraphs[0].text = f"Confidential - {client}"
        section.footer.paragraphs[0].text = f"Prepared by {writer}"
        props = document.core_properties
        props.author = writer
        props.last_modified_by = writer
        props.title = f"{_KIND_TITLES[doc.kind]} - {client}"
        if first_runs:
            document.add_comment(first_runs[0], text=f"Please check this with {client}.",
                                 author=writer, initials="".join(w[0] for w in writer.split()))
    document.save(str(path))


def _pdf(doc: GoldDoc, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    client, writer = doc.hidden or ("", "")
    title = f"{_KIND_TITLES[doc.kind]} - {client}" if client else _KIND_TITLES[doc.kind]
    template = SimpleDocTemplate(str(path), pagesize=A4, title=title, author=writer,
                                 subject=f"Prepared for {client}" if client else "",
                                 creator="anonymise bench")

    def header(canvas: Any, _doc: Any) -> None:
        if client:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(72, A4[1] - 40, f"Confidential - {client}")

    story: list[object] = []
    for index, block in enumerate(_blocks(doc.text)):
        style = styles["Heading2"] if index == 0 else styles["BodyText"]
        for n, line in enumerate(block):
            story.append(Paragraph(escape(line), style if n == 0 else styles["BodyText"]))
        story.append(Spacer(1, 6))
    template.build(story, onFirstPage=header, onLaterPages=header)
