"""Unsupported Word content: refused by default, dropped (and reported) on request."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from formats.builders import PLANTED, png_bytes, raw_docx, run, zip_with
from formats.packages import assert_consistent, entries
from pipeline.errors import UnsupportedContent
from pipeline.formats import STRICT, ReadOptions, format_for
from pipeline.formats import docx as fmt

DROP = ReadOptions(drop_unsupported=True)
EMF = b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + PLANTED.encode("utf-16-le")
_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:o="urn:schemas-microsoft-com:office:office"')


def _wrap(body: str) -> str:
    """A body paragraph before and after the content under test."""
    return f"<w:p>{run('Before')}</w:p>{body}<w:p>{run('After')}</w:p>"


def _ole(path: Path) -> Path:
    body = (
        '<w:p><w:r><w:object><v:shape id="o1" style="width:72pt;height:72pt">'
        f'<v:imagedata r:id="rId1" o:title="" {_NS}/></v:shape>'
        f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" r:id="rId2" {_NS}/>'
        "</w:object></w:r></w:p>"
    )
    return raw_docx(path, _wrap(body), extra={"word/media/image1.emf": EMF,
                                              "word/embeddings/oleObject1.bin": PLANTED.encode()},
                    extra_rels=(("image", "media/image1.emf"), ("oleObject",
                                                                "embeddings/oleObject1.bin")))


def _chart(path: Path) -> Path:
    chart_ns = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    body = (
        f'<w:p><w:r><w:drawing><wp:inline {_NS}><wp:extent cx="1" cy="1"/>'
        '<wp:docPr id="1" name="Chart 1"/><a:graphic><a:graphicData '
        f'uri="{chart_ns}"><c:chart xmlns:c="{chart_ns}" r:id="rId1"/></a:graphicData>'
        "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    chart_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/package" Target="../embeddings/Workbook1.xlsx"/></Relationships>'
    )
    extra = {"word/charts/chart1.xml": f"<c:chartSpace xmlns:c='{chart_ns}'><c:v>{PLANTED}"
                                       "</c:v></c:chartSpace>".encode(),
             "word/charts/_rels/chart1.xml.rels": chart_rels.encode(),
             "word/embeddings/Workbook1.xlsx": PLANTED.encode()}
    return raw_docx(path, _wrap(body), extra=extra, extra_rels=(("chart", "charts/chart1.xml"),))


def _svg(path: Path) -> Path:
    body = (
        f'<w:p><w:r><w:drawing><wp:inline {_NS}><wp:extent cx="1" cy="1"/>'
        '<wp:docPr id="1" name="Picture 1"/><a:graphic><a:graphicData uri="pic">'
        '<a:blip r:embed="rId1"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">'
        '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
        'r:embed="rId2"/></a:ext></a:extLst></a:blip></a:graphicData></a:graphic></wp:inline>'
        "</w:drawing></w:r></w:p>"
    )
    svg = f'<svg xmlns="http://www.w3.org/2000/svg"><text>{PLANTED}</text></svg>'.encode()
    return raw_docx(path, _wrap(body), extra={"word/media/image1.png": png_bytes(),
                                              "word/media/image2.svg": svg},
                    extra_rels=(("image", "media/image1.png"), ("image", "media/image2.svg")))


def _orphan(path: Path) -> Path:
    return raw_docx(path, _wrap(""), extra={"word/notes.xml": f"<n>{PLANTED}</n>".encode()})


def _macros(path: Path) -> Path:
    raw_docx(path, _wrap(""), extra={"word/vbaProject.bin": PLANTED.encode()},
             extra_rels=(("vbaProject", "vbaProject.bin"),))
    parts = entries(path)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    return zip_with(path, parts)


def _sub_document(path: Path) -> Path:
    raw_docx(path, _wrap('<w:subDoc r:id="rId1"/>'), extra_rels=(("subDocument", "x.docx"),))
    parts = entries(path)
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b'Target="x.docx"', f'Target="file:///C:/{PLANTED}.docx" TargetMode="External"'.encode()
    )
    return zip_with(path, parts)


CASES = [
    ("ole-object", _ole, ("unsupported image 1", "embedded object 1"),
     ("word/media/image1.emf", "word/embeddings/oleObject1.bin"), b"<w:object"),
    ("chart", _chart, ("chart 1",),
     ("word/charts/chart1.xml", "word/charts/_rels/chart1.xml.rels",
      "word/embeddings/Workbook1.xlsx"), b"<w:drawing"),
    ("svg-picture", _svg, ("unsupported image 1",), ("word/media/image2.svg",), b"svgBlip"),
    ("unreferenced-part", _orphan, ("unreferenced part 1",), ("word/notes.xml",), None),
    ("macros", _macros, ("macros",), ("word/vbaProject.bin",), b"macroEnabled"),
    ("sub-document", _sub_document, ("external link 1",), (), b"subDoc"),
]
IDS = [case[0] for case in CASES]


@pytest.mark.parametrize("name, build, labels, gone, marker", CASES, ids=IDS)
def test_docx_unsupported_content_is_refused_by_default(tmp_path, name, build, labels, gone,
                                                         marker):
    source = build(tmp_path / "in.docx")
    with pytest.raises(UnsupportedContent) as info:
        fmt.read(source)
    assert PLANTED.split()[0] not in str(info.value)
    with pytest.raises(UnsupportedContent):
        format_for(source).load(source, STRICT)


@pytest.mark.parametrize("name, build, labels, gone, marker", CASES, ids=IDS)
def test_docx_unsupported_content_is_dropped_on_request(tmp_path, name, build, labels, gone,
                                                        marker):
    source = build(tmp_path / "in.docx")
    result = fmt.load(source, DROP)
    assert result.dropped == labels
    texts = [s.text for s in result.document.segments]
    assert [t for t in texts if t != "Picture 1"] == ["Before", "After"]  # the SVG's picture stays
    target = tmp_path / "out.docx"
    fmt.write(source, result.document, {}, target, DROP)
    parts = entries(target)
    for entry in gone:
        assert entry in entries(source) and entry not in parts
    for data in parts.values():
        assert PLANTED.split()[0].encode() not in data
        assert PLANTED.split()[0].encode("utf-16-le") not in data
    if marker is not None:
        assert marker in b"".join(entries(source).values())
        assert marker not in b"".join(parts.values())
    assert_consistent(target)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert [p for p in paragraphs if p] == ["Before", "After"]
    assert fmt.load(target).dropped == ()  # the output is a plain, fully supported file


def test_docx_svg_drop_keeps_the_png_fallback(tmp_path):
    source = _svg(tmp_path / "in.docx")
    target = tmp_path / "out.docx"
    fmt.write(source, fmt.read(source, DROP), {}, target, DROP)
    parts = entries(target)
    assert parts["word/media/image1.png"] == png_bytes()
    assert b'r:embed="rId1"' in parts["word/document.xml"]


def test_docx_write_with_strict_options_refuses_what_read_dropped(tmp_path):
    source = _ole(tmp_path / "in.docx")
    document = fmt.read(source, DROP)
    target = tmp_path / "out.docx"
    with pytest.raises(UnsupportedContent):
        fmt.write(source, document, {}, target)
    assert not target.exists()


def test_docx_strict_read_of_supported_file_drops_nothing(tmp_path):
    source = raw_docx(tmp_path / "in.docx", _wrap(""), extra={"word/media/a.png": png_bytes()},
                      extra_rels=(("image", "media/a.png"),))
    assert fmt.load(source).dropped == ()
    assert fmt.load(source, DROP).dropped == ()


def test_docx_directory_entries_are_dropped_silently(tmp_path):
    source = raw_docx(tmp_path / "in.docx", _wrap(""))
    with zipfile.ZipFile(source, "a") as zf:
        zf.writestr("word/", b"")
    target = tmp_path / "out.docx"
    fmt.write(source, fmt.read(source), {}, target)
    assert "word/" not in entries(target)

