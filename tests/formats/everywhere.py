"""A Word file with personal data planted in every place Word can keep it (all invented).

Built from raw XML, because python-docx cannot write most of these places. The values are
split in two groups:

* :data:`SEGMENT_VALUES` must be read as text (and are then replaced by the test's edits);
* :data:`SCRUBBED_VALUES` are never shown to detection: the writer removes or neutralises
  them whatever is detected (authors, people, template and mail-merge paths, thumbnail,
  custom XML, image metadata, bookmark names, permissions, binary properties).
"""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

from formats.builders import jpeg_bytes, png_bytes, run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

SEGMENT_VALUES = (
    "Harriet Quenby", "Nested Nancy", "Chris Inserted", "Kit Deleted", "Mo Mover",
    "Vera Vmlbox", "Drew Drawingbox", "quenby.family@example.com", "Tooltip Tobias",
    "Fiona Fieldauthor", "instr.person@example.com", "Iris Instrresult", "Alias Albert",
    "Tag Tanya", "Cora Control", "Lister Lionel", "Inez Inlinecontrol", "Sid Smarttag",
    "Petra Alttext", "Petra Imagetitle", "petra-photo", "Penny Pngalt", "Mathilda Mathtext",
    "Status Stella", "Default Dennis", "Fenella Footnote", "Eddie Endnote",
    "Colin Commentbody", "Hattie Headerdefault", "Fern Headerfirst", "Evan Headereven",
    "Alex Footerdefault", "0161 496 0732", "Freda Footerfirst", "Eve Footereven",
    "footer.person@example.com", "hattie-headerlink", "Dora Docvariable", "Subject Simon",
    "Keyword Kylie", "Description Desmond", "Category Cathy", "Ident Ivan", "Status Stuart",
    "Sam Customprop", "Cecil Propname", "Vincent Vectorprop", "Greta Shapealt",
)
SCRUBBED_VALUES = (
    "Pat Reviser", "Rita Formatter", "Clara Commenter", "clara.commenter@example.com",
    "Oliver Creator", "Lena Lastmodifier", "Quenby Care Services", "Marcus Manager",
    "hbase.harold", "Witness Tina", "tina.template", "mary.merge", "Mary Mergequery",
    "Thumb Thelma", "Xml Xavier", "Exif Edna", "Png Penny", "Bella_Bookmark", "Form_Fred",
    "perm.pauline", "Blob Bertha",
)
ALL_VALUES = SEGMENT_VALUES + SCRUBBED_VALUES
#: Values not stored as one piece: split over two field-instruction runs, or base64-encoded.
NOT_CONTIGUOUS = ("instr.person@example.com", "Blob Bertha")
#: The images' pixels must survive metadata stripping unchanged.
JPEG = jpeg_bytes("Exif Edna Camera", orientation=6)
PNG = png_bytes("Png Penny Metadata")

_NS = (
    f'xmlns:w="{W}" xmlns:r="{REL}" xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15"'
)
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _p(*parts: str) -> str:
    return f"<w:p>{''.join(parts)}</w:p>"


def _field(instr: list[str], result: str) -> str:
    instr_runs = "".join(f'<w:r><w:instrText xml:space="preserve">{i}</w:instrText></w:r>'
                         for i in instr)
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + instr_runs
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(result)
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _picture(rel_id: str, pid: int, name: str, descr: str, title: str = "") -> str:
    title_attr = f' title="{title}"' if title else ""
    return (
        '<w:r><w:drawing><wp:inline><wp:extent cx="76200" cy="57150"/>'
        f'<wp:docPr id="{pid}" name="{name}" descr="{descr}"{title_attr}/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{name}" descr="{descr}"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/>'
        '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="76200" cy="57150"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def _textbox_vml(text: str, alt: str = "") -> str:
    alt_attr = f' alt="{alt}"' if alt else ""
    return (f'<w:pict><v:shape id="s{abs(hash(text)) % 1000}" style="width:120pt;height:30pt"'
            f'{alt_attr}><v:textbox><w:txbxContent>{_p(run(text))}</w:txbxContent></v:textbox>'
            "</v:shape></w:pict>")


def _body() -> str:
    nested = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="3000" '
        'w:type="dxa"/></w:tcPr>' + _p(run("Nested Nancy, room 4")) + "</w:tc></w:tr></w:tbl>"
    )
    table = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" '
        f'w:type="dxa"/></w:tcPr>{_p(run("Client"))}{nested}<w:p/></w:tc></w:tr></w:tbl>'
    )
    drawing_box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline>'
        '<wp:extent cx="914400" cy="457200"/><wp:docPr id="10" name="Text Box 10"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>'
        + _p(run("Drew Drawingbox")) + "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback>"
        + _textbox_vml("Drew Drawingbox") + "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    return "".join([
        _p(run("Met "), run("Har", "<w:b/>"), run("riet Quenby at home.", "<w:b/>")),
        table,
        _p(run("Support worker "),
           '<w:ins w:id="1" w:author="Pat Reviser" w:date="2026-01-05T09:00:00Z">'
           + run("Chris Inserted") + "</w:ins>",
           '<w:del w:id="2" w:author="Pat Reviser"><w:r><w:delText>Kit Deleted</w:delText>'
           "</w:r></w:del>"),
        _p('<w:pPr><w:pPrChange w:id="3" w:author="Rita Formatter"><w:pPr/></w:pPrChange>'
           "</w:pPr>",
           '<w:r><w:rPr><w:b/><w:rPrChange w:id="4" w:author="Rita Formatter"><w:rPr/>'
           '</w:rPrChange></w:rPr><w:t xml:space="preserve">Moved: </w:t></w:r>',
           '<w:moveTo w:id="5" w:author="Pat Reviser">' + run("Mo Mover") + "</w:moveTo>"),
        _p(run("Box: "), "<w:r>" + _textbox_vml("Vera Vmlbox", "Greta Shapealt") + "</w:r>"),
        _p(run("Drawn: "), drawing_box),
        _p(run("Write to "),
           '<w:hyperlink r:id="rIdLink" w:tooltip="Tooltip Tobias" w:history="1">'
           + run("the family") + "</w:hyperlink>"),
        _p('<w:fldSimple w:instr=" AUTHOR \\* MERGEFORMAT ">' + run("Fiona Fieldauthor")
           + "</w:fldSimple>"),
        _p(_field([' HYPERLINK "mailto:instr.', 'person@example.com" '], "Iris Instrresult")),
        _p('<w:bookmarkStart w:id="7" w:name="Bella_Bookmark"/>', run("Marked text"),
           '<w:bookmarkEnd w:id="7"/>', run("; "),
           '<w:hyperlink w:anchor="Bella_Bookmark">' + run("jump") + "</w:hyperlink>",
           run("; "), _field([" REF Bella_Bookmark \\h "], "Marked text")),
        '<w:sdt><w:sdtPr><w:alias w:val="Alias Albert"/><w:tag w:val="Tag Tanya"/>'
        '<w:dataBinding w:xpath="/root/name" '
        'w:storeItemID="{11111111-2222-3333-4444-555555555555}"/>'
        "</w:sdtPr><w:sdtContent>" + _p(run("Cora Control")) + "</w:sdtContent></w:sdt>",
        _p(run("Choice: "),
           '<w:sdt><w:sdtPr><w:dropDownList><w:listItem w:displayText="Lister Lionel" '
           'w:value="Lister Lionel"/></w:dropDownList></w:sdtPr><w:sdtContent>'
           + run("Inez Inlinecontrol") + "</w:sdtContent></w:sdt>"),
        _p('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
           'w:element="PersonName">' + run("Sid Smarttag") + "</w:smartTag>"),
        _p(_picture("rIdImg1", 20, "petra-photo.jpg", "Photo of Petra Alttext",
                    "Petra Imagetitle")),
        _p(_picture("rIdImg2", 21, "Picture 2", "Penny Pngalt")),
        _p("<m:oMath><m:r><m:t>Mathilda Mathtext</m:t></m:r></m:oMath>"),
        _p('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Form_Fred"/>'
           '<w:enabled/><w:statusText w:type="text" w:val="Status Stella"/><w:textInput>'
           '<w:default w:val="Default Dennis"/></w:textInput></w:ffData></w:fldChar></w:r>'
           '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Default Dennis")
           + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        _p('<w:permStart w:id="9" w:ed="perm.pauline@example.com"/>', run("Editable"),
           '<w:permEnd w:id="9"/>'),
        _p(run("See note"), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(" and end note"),
           '<w:r><w:endnoteReference w:id="1"/></w:r>'),
        _p('<w:commentRangeStart w:id="0"/>', run("Commented text"),
           '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'),
        '<w:sectPr>'
        '<w:headerReference w:type="default" r:id="rIdH1"/>'
        '<w:headerReference w:type="first" r:id="rIdH2"/>'
        '<w:headerReference w:type="even" r:id="rIdH3"/>'
        '<w:footerReference w:type="default" r:id="rIdF1"/>'
        '<w:footerReference w:type="first" r:id="rIdF2"/>'
        '<w:footerReference w:type="even" r:id="rIdF3"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:titlePg/></w:sectPr>',
    ])


def _part(root: str, inner: str) -> bytes:
    return f"{_DECL}<w:{root} {_NS}>{inner}</w:{root}>".encode()


def _rels(rels: list[tuple[str, str, str, bool]]) -> bytes:
    external_mode = ' TargetMode="External"'
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind if "/" in kind else f"{REL}/{kind}"}" '
        f'Target="{target}"{external_mode if external else ""}/>'
        for rid, kind, target, external in rels
    )
    return f'{_DECL}<Relationships xmlns="{PKG}">{items}</Relationships>'.encode()


def _notes(kind: str, text: str) -> bytes:
    return _part(
        f"{kind}s",
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f'</w:r></w:p></w:{kind}><w:{kind} w:id="1">{_p(run(text))}</w:{kind}>',
    )


def _properties() -> dict[str, bytes]:
    core = (
        f"{_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Witness testimony of Harriet Quenby</dc:title>"
        "<dc:subject>Subject Simon</dc:subject><dc:creator>Oliver Creator</dc:creator>"
        "<cp:keywords>Keyword Kylie; safeguarding</cp:keywords>"
        "<dc:description>Description Desmond</dc:description>"
        "<cp:lastModifiedBy>Lena Lastmodifier</cp:lastModifiedBy><cp:revision>3</cp:revision>"
        "<cp:category>Category Cathy</cp:category><dc:identifier>Ident Ivan</dc:identifier>"
        "<cp:contentStatus>Status Stuart</cp:contentStatus>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T09:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    app = (
        f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties" xmlns:vt="{vt}"><Template>Witness Tina.dotx</Template>'
        "<Application>Microsoft Office Word</Application><Pages>1</Pages>"
        '<TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>Witness testimony of '
        "Harriet Quenby</vt:lpstr></vt:vector></TitlesOfParts>"
        "<Manager>Marcus Manager</Manager><Company>Quenby Care Services</Company>"
        "<HyperlinkBase>file:///C:/Users/hbase.harold/</HyperlinkBase>"
        "<AppVersion>16.0000</AppVersion></Properties>"
    )
    fmtid = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    blob = base64.b64encode(b"Blob Bertha").decode()
    custom = (
        f'{_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'custom-properties" xmlns:vt="{vt}">'
        f'<property fmtid="{fmtid}" pid="2" name="LearnerName"><vt:lpwstr>Sam Customprop'
        "</vt:lpwstr></property>"
        f'<property fmtid="{fmtid}" pid="3" name="Case of Cecil Propname"><vt:bool>true'
        "</vt:bool></property>"
        f'<property fmtid="{fmtid}" pid="4" name="Relatives"><vt:vector size="1" '
        'baseType="lpwstr"><vt:lpwstr>Vincent Vectorprop</vt:lpwstr></vt:vector></property>'
        f'<property fmtid="{fmtid}" pid="5" name="Scan"><vt:blob>{blob}</vt:blob></property>'
        "</Properties>"
    )
    return {"docProps/core.xml": core.encode(), "docProps/app.xml": app.encode(),
            "docProps/custom.xml": custom.encode()}


def _content_types(parts: dict[str, str]) -> bytes:
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{ct}"/>'
                        for name, ct in parts.items())
    return (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/>'
        f'<Default Extension="png" ContentType="image/png"/>{overrides}</Types>'
    ).encode()


def everywhere_docx(path: Path) -> Path:
    """Write the fixture (see the module docstring) to ``path``."""
    headers = {"header1": "Portfolio of Hattie Headerdefault", "header2": "First page Fern "
               "Headerfirst", "header3": "Even page Evan Headereven"}
    footers = {"footer1": "Assessor Alex Footerdefault 0161 496 0732",
               "footer2": "Freda Footerfirst", "footer3": "Eve Footereven"}
    entries: dict[str, bytes] = {}
    cts = {"word/document.xml": f"{WML}.document.main+xml"}
    doc_rels = [("rIdLink", "hyperlink", "mailto:quenby.family@example.com?subject=Harriet%20"
                 "Quenby", True),
                ("rIdImg1", "image", "media/image1.jpeg", False),
                ("rIdImg2", "image", "media/image2.png", False)]
    for name, text in [*headers.items(), *footers.items()]:
        kind = "hdr" if name.startswith("header") else "ftr"
        entries[f"word/{name}.xml"] = _part(kind, _p(run(text)))
        cts[f"word/{name}.xml"] = f"{WML}.{name[:6]}+xml"
        doc_rels.append((f"rId{'H' if kind == 'hdr' else 'F'}{name[-1]}", name[:6], f"{name}.xml",
                         False))
    entries["word/header1.xml"] = _part("hdr", _p(
        run("Portfolio of Hattie Headerdefault "),
        '<w:hyperlink r:id="rIdHl">' + run("site") + "</w:hyperlink>"))
    entries["word/_rels/header1.xml.rels"] = _rels(
        [("rIdHl", "hyperlink", "https://example.org/hattie-headerlink", True)])
    entries["word/_rels/footer1.xml.rels"] = _rels(
        [("rIdFl", "hyperlink", "mailto:footer.person@example.com", True)])
    entries["word/footer1.xml"] = _part("ftr", _p(
        run(footers["footer1"]), '<w:hyperlink r:id="rIdFl">' + run(" mail") + "</w:hyperlink>"))
    for kind, text in (("footnote", "Seen by Dr Fenella Footnote."),
                       ("endnote", "Ended by Eddie Endnote.")):
        entries[f"word/{kind}s.xml"] = _notes(kind, text)
        cts[f"word/{kind}s.xml"] = f"{WML}.{kind}s+xml"
        doc_rels.append((f"rId{kind}", f"{kind}s", f"{kind}s.xml", False))
    entries["word/comments.xml"] = _part(
        "comments", '<w:comment w:id="0" w:author="Clara Commenter" w:initials="CC" '
        'w:date="2026-01-05T09:00:00Z">' + _p(run("Remove the address of Colin Commentbody"))
        + "</w:comment>")
    cts["word/comments.xml"] = f"{WML}.comments+xml"
    entries["word/people.xml"] = _part(
        "people", "").replace(b"<w:people", b"<w15:people").replace(b"</w:people>", (
            b'<w15:person w15:author="Clara Commenter"><w15:presenceInfo w15:providerId="AD" '
            b'w15:userId="clara.commenter@example.com"/></w15:person></w15:people>'))
    cts["word/people.xml"] = f"{WML}.people+xml"
    entries["word/settings.xml"] = _part(
        "settings", '<w:attachedTemplate r:id="rIdTpl"/><w:mailMerge><w:mainDocumentType '
        'w:val="formLetters"/><w:linkToQuery/><w:dataType w:val="native"/><w:connectString '
        'w:val="Data Source=C:\\Users\\mary.merge\\clients.xlsx"/><w:query w:val="SELECT * '
        'FROM `Mary Mergequery`"/><w:dataSource r:id="rIdMerge"/></w:mailMerge>'
        '<w:evenAndOddHeaders/><w:docVars><w:docVar w:name="ClientName" '
        'w:val="Dora Docvariable"/></w:docVars>')
    cts["word/settings.xml"] = f"{WML}.settings+xml"
    entries["word/_rels/settings.xml.rels"] = _rels([
        ("rIdTpl", "attachedTemplate",
         "file:///C:\\Users\\tina.template\\Templates\\Witness%20Tina.dotx", True),
        ("rIdMerge", "mailMergeSource", "file:///C:\\Users\\mary.merge\\clients.xlsx", True)])
    entries["word/styles.xml"] = _part(
        "styles", '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name '
        'w:val="Normal"/></w:style>')
    cts["word/styles.xml"] = f"{WML}.styles+xml"
    doc_rels += [("rIdComments", "comments", "comments.xml", False),
                 ("rIdPeople", "http://schemas.microsoft.com/office/2011/relationships/people",
                  "people.xml", False),
                 ("rIdSettings", "settings", "settings.xml", False),
                 ("rIdStyles", "styles", "styles.xml", False),
                 ("rIdCx", "customXml", "../customXml/item1.xml", False)]
    entries["word/document.xml"] = _part("document", f"<w:body>{_body()}</w:body>")
    entries["word/_rels/document.xml.rels"] = _rels(doc_rels)
    entries["word/media/image1.jpeg"] = JPEG
    entries["word/media/image2.png"] = PNG
    entries["customXml/item1.xml"] = b"<root><name>Xml Xavier</name></root>"
    entries["customXml/itemProps1.xml"] = (
        f'{_DECL}<ds:datastoreItem ds:itemID="{{11111111-2222-3333-4444-555555555555}}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>'
    ).encode()
    entries["customXml/_rels/item1.xml.rels"] = _rels(
        [("rId1", "customXmlProps", "itemProps1.xml", False)])
    cts["customXml/itemProps1.xml"] = (
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
    entries.update(_properties())
    cts["docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
    cts["docProps/app.xml"] = ("application/vnd.openxmlformats-officedocument."
                               "extended-properties+xml")
    cts["docProps/custom.xml"] = ("application/vnd.openxmlformats-officedocument."
                                  "custom-properties+xml")
    entries["docProps/thumbnail.jpeg"] = jpeg_bytes("Thumb Thelma")
    entries["_rels/.rels"] = _rels([
        ("rId1", "officeDocument", "word/document.xml", False),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                 "core-properties", "docProps/core.xml", False),
        ("rId3", "extended-properties", "docProps/app.xml", False),
        ("rId4", "custom-properties", "docProps/custom.xml", False),
        ("rId5", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                 "thumbnail", "docProps/thumbnail.jpeg", False),
    ])
    entries["[Content_Types].xml"] = _content_types(cts)
    order = ["[Content_Types].xml", "_rels/.rels"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in order + sorted(n for n in entries if n not in order):
            zf.writestr(name, entries[name])
    return path
