"""Builders for synthetic test documents (every name in them is invented).

Word files are built either with python-docx (formatting, tables, headers) or from raw XML
(for constructs python-docx cannot write: tracked changes, text boxes, footnotes, fields).
PDF files are built with reportlab and pypdf.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

#: A name planted in hostile files to check that error messages never quote content.
PLANTED = "Philippa Quenby"


# --- Word --------------------------------------------------------------------------------------

def run(text: str, props: str = "") -> str:
    """A ``w:r`` holding ``text`` (with ``xml:space="preserve"``) and optional ``w:rPr`` XML."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str) -> str:
    """A ``w:p`` made of the given run XML."""
    return f"<w:p>{''.join(runs)}</w:p>"


def _part(root: str, inner: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"{inner}</w:{root}>"
    )


def raw_docx(
    path: Path,
    body: str,
    *,
    headers: dict[str, str] | None = None,
    footnotes: str | None = None,
    extra: dict[str, bytes] | None = None,
    extra_rels: tuple[tuple[str, str], ...] = (),
    main_ns: str = W_NS,
) -> Path:
    """Write a minimal valid .docx from raw WordprocessingML.

    Args:
        path: where to write.
        body: inner XML of ``w:body``.
        headers: ``{"header1": inner XML of w:hdr}``; each is related from the document.
        footnotes: inner XML of ``w:footnotes``, if any.
        extra: further entries written verbatim (name → bytes).
        extra_rels: further document relationships as ``(type suffix, target)``.
        main_ns: namespace of the main document (to build Strict Open XML files).
    """
    headers = headers or {}
    rels = [(f"{REL_BASE}/header", f"{name}.xml") for name in headers]
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{MAIN_CT}"/>']
    parts: dict[str, str] = {}
    for name, inner in headers.items():
        parts[f"word/{name}.xml"] = _part("hdr", inner)
        overrides.append(
            f'<Override PartName="/word/{name}.xml" ContentType="{WML_CT}.header+xml"/>'
        )
    if footnotes is not None:
        parts["word/footnotes.xml"] = _part("footnotes", footnotes)
        rels.append((f"{REL_BASE}/footnotes", "footnotes.xml"))
        overrides.append(
            f'<Override PartName="/word/footnotes.xml" ContentType="{WML_CT}.footnotes+xml"/>'
        )
    rels.extend((f"{REL_BASE}/{suffix}", target) for suffix, target in extra_rels)
    document = _part("document", f"<w:body>{body}<w:sectPr/></w:body>")
    if main_ns != W_NS:
        document = document.replace(f'xmlns:w="{W_NS}"', f'xmlns:w="{main_ns}"')
    rel_xml = "".join(
        f'<Relationship Id="rId{i}" Type="{t}" Target="{target}"/>'
        for i, (t, target) in enumerate(rels, start=1)
    )
    entries: dict[str, bytes] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="png" ContentType="image/png"/>'
            '<Default Extension="jpeg" ContentType="image/jpeg"/>'
            f"{''.join(overrides)}</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_BASE}/officeDocument" Target="word/document.xml"/></Relationships>'
        ).encode(),
        "word/document.xml": document.encode(),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL_NS}">{rel_xml}</Relationships>'
        ).encode(),
    }
    entries.update({name: xml.encode() for name, xml in parts.items()})
    entries.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def formatted_docx(path: Path) -> Path:
    """A python-docx document: formatted runs, a name split across bold runs, a nested table,
    and a header and footer.

    Body paragraphs (segment order): 0 the split-name paragraph, 1 the formatting paragraph,
    then the table cells, then the header and footer paragraphs.
    """
    import docx

    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Met with ")
    p.add_run("Jo").bold = True
    p.add_run("anna Smith").bold = True
    p.add_run(" at home.")
    p = document.add_paragraph()
    p.add_run("Plain, ")
    p.add_run("bold").bold = True
    p.add_run(" and ")
    p.add_run("italic").italic = True
    p.add_run(" words about Joanna.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Client"
    inner = table.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Joanna Smith, room 4"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Portfolio of Sam Learner"
    section.footer.paragraphs[0].text = "Assessor: Alex Assessor 0161 496 0123"
    document.save(path)
    return path


def special_docx(path: Path) -> Path:
    """A raw .docx with content python-docx's text API misses: a tracked insertion and
    deletion, a VML text box, a content control, a simple field, a hyperlink and a footnote."""
    body = "".join(
        [
            para(run("Her support worker is "),
                 '<w:ins w:id="1" w:author="Pat Editor">' + run("Chris Worker") + "</w:ins>",
                 '<w:del w:id="2" w:author="Pat Editor"><w:r><w:delText>Kit Worker</w:delText>'
                 "</w:r></w:del>", run(".")),
            para(run("Box: "), '<w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
                 + para(run("Key safe code held by Lee Smith")) +
                 "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>", run(" end.")),
            '<w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent>'
            + para(run("Alice Block")) + "</w:sdtContent></w:sdt>",
            para('<w:fldSimple w:instr=" AUTHOR ">' + run("Carol Author") + "</w:fldSimple>"),
            para('<w:hyperlink w:anchor="top">' + run("erin@example.com") + "</w:hyperlink>"),
            para(run("See note"), '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        ]
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:id="1">' + para(run("Seen by Dr Ann Example.")) + "</w:footnote>"
    )
    return raw_docx(path, body, footnotes=footnotes)


def png_bytes(text: str = "", size: tuple[int, int] = (4, 3)) -> bytes:
    """A small PNG; ``text`` (if any) is planted in tEXt, iTXt and eXIf metadata."""
    from PIL import Image, PngImagePlugin

    image = Image.new("RGB", size, (200, 30, 30))
    info = PngImagePlugin.PngInfo()
    exif = Image.Exif()
    if text:
        info.add_text("Author", text)
        info.add_itxt("Description", text)
        exif[0x013B] = text  # Artist
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=exif.tobytes() if text else b"")
    return buffer.getvalue()


def jpeg_bytes(text: str = "", orientation: int = 1) -> bytes:
    """A small JPEG; ``text`` (if any) is planted in EXIF (artist, GPS area), XMP and a comment."""
    from PIL import Image

    image = Image.new("RGB", (8, 6), (30, 30, 200))
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    if text:
        exif[0x013B] = text
        exif[0x8298] = text  # copyright
        exif.get_ifd(0x8825)[0x001C] = text  # GPS area information
    buffer = io.BytesIO()
    extra = {"comment": text.encode()} if text else {}
    if text:
        extra["xmp"] = f'<x:xmpmeta xmlns:x="adobe:ns:meta/">{text}</x:xmpmeta>'.encode()
    image.save(buffer, "JPEG", exif=exif.tobytes(), **extra)
    return buffer.getvalue()


def ole_file(path: Path, *, encrypted: bool = True) -> Path:
    """A stand-in OLE compound file (header magic + directory names), as Word writes for a
    password-protected document; ``encrypted=False`` gives a legacy .doc-like file."""
    names = ["EncryptionInfo", "EncryptedPackage"] if encrypted else ["WordDocument", "1Table"]
    body = b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in names)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + body + PLANTED.encode() + b"\x00" * 512)
    return path


def bomb_docx(path: Path, size: int, *, entries: int = 1) -> Path:
    """A .docx padded with highly compressible entries of ``size`` bytes each."""
    raw_docx(path, para(run("x")))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        for i in range(entries):
            zf.writestr(f"word/media/pad{i}.bin", b"\x00" * size)
    return path


def zip_with(path: Path, entries: dict[str, bytes], *, encrypted_flag: bool = False) -> Path:
    """A zip with exactly these entries (for malformed packages).

    ``encrypted_flag`` sets the "encrypted" bit in every header (zipfile cannot write it).
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data)
    if encrypted_flag:
        raw = bytearray(path.read_bytes())
        for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            start = raw.find(signature)
            while start >= 0:
                raw[start + flag_offset] |= 0x01
                start = raw.find(signature, start + 4)
        path.write_bytes(bytes(raw))
    return path


# --- PDF ---------------------------------------------------------------------------------------

def text_pdf(
    path: Path, pages: list[list[str]], *, author: str = "", title: str = ""
) -> Path:
    """A PDF with one list of text lines per page (Helvetica, 16 pt line spacing)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    if author:
        c.setAuthor(author)
    if title:
        c.setTitle(title)
    for lines in pages:
        y = 780
        for line in lines:
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def drawing_pdf(path: Path) -> Path:
    """A two-page PDF: page 1 has text, page 2 only vector drawings (no text, no images)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    c.drawString(72, 780, "Cover page")
    c.showPage()
    for i in range(10):
        c.rect(72 + i * 20, 600 - i * 15, 120, 8, fill=1)
        c.line(72, 500 - i * 10, 400, 500 - i * 10)
    c.showPage()
    c.save()
    return path


def rich_pdf(path: Path, lines: list[str], name: str) -> Path:
    """A text PDF whose metadata, XMP, outline and attachment all hold ``name``."""
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    text_pdf(path, [lines])
    writer = PdfWriter(clone_from=str(path))
    writer.add_metadata({"/Author": name, "/Title": f"Notes about {name}", "/Subject": name})
    writer.add_outline_item(title=f"{name} room 4", page_number=0)
    writer.add_attachment("nok.txt", f"Next of kin of {name}".encode())
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def encrypted_pdf(path: Path, user_password: str = "") -> Path:
    """A text PDF encrypted with ``user_password`` (empty: opens without a password)."""
    from pypdf import PdfWriter

    text_pdf(path, [["Client: Harriet Example"]])
    writer = PdfWriter(clone_from=str(path))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def annotated_pdf(path: Path, name: str) -> Path:
    """A text PDF whose comment annotation, link and filled form fields all hold ``name``.

    Page 1 has a sticky note (text and author), a mailto link, a text field whose value,
    tooltip and default are ``name``, and a ticked checkbox.
    """
    from pypdf import PdfWriter
    from pypdf.annotations import Link, Text
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    text_pdf(path, [["Client details are in the form below."]])
    writer = PdfWriter(clone_from=str(path))
    note = writer.add_annotation(0, Text(rect=(50, 550, 70, 570), text=f"Call {name}"))
    note[NameObject("/T")] = TextStringObject(name)
    writer.add_annotation(0, Link(rect=(72, 500, 200, 520), url=f"mailto:{name.split()[0]}@x.org"))

    def widget(field_type: str, title: str, value: object, top: int) -> DictionaryObject:
        return DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject(field_type),
            NameObject("/T"): TextStringObject(title),
            NameObject("/V"): value,
            NameObject("/F"): NumberObject(4),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(72), FloatObject(top), FloatObject(300), FloatObject(top + 20)]
            ),
        })

    field = widget("/Tx", "client_name", TextStringObject(name), 600)
    field[NameObject("/TU")] = TextStringObject(f"Name of {name}")
    field[NameObject("/DV")] = TextStringObject(name)
    added = [
        writer.add_annotation(0, field),
        writer.add_annotation(0, widget("/Btn", "consent", NameObject("/Yes"), 640)),
    ]
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject({
        NameObject("/Fields"): ArrayObject(a.indirect_reference for a in added),
    })
    with path.open("wb") as fh:
        writer.write(fh)
    return path
