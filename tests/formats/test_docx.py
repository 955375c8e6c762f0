"""Word reader/writer: segments, split-run edits, round trips and refusal of hostile files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from formats.builders import (
    PLANTED,
    bomb_docx,
    formatted_docx,
    ole_file,
    para,
    raw_docx,
    run,
    special_docx,
    zip_with,
)
from pipeline.errors import EncryptedFile, InputError, UnreadableFile, UnsupportedContent
from pipeline.formats import docx as fmt
from pipeline.formats import format_for
from pipeline.model import Edit, apply_edits


def _texts(path: Path) -> list[str]:
    return [s.text for s in fmt.read(path).segments]


def _write(source: Path, edits: dict[int, tuple[Edit, ...]], tmp_path: Path) -> Path:
    target = tmp_path / "out.docx"
    fmt.write(source, fmt.read(source), edits, target)
    return target


def _edit(text: str, old: str, new: str) -> Edit:
    start = text.index(old)
    return Edit(start, start + len(old), new)


# --- reading -------------------------------------------------------------------------------------

def test_docx_registered_for_suffix():
    assert format_for(Path("x.DOCX")).name == "docx"


def test_docx_read_walks_body_tables_headers_and_footers(tmp_path):
    doc = fmt.read(formatted_docx(tmp_path / "in.docx"))
    assert [s.text for s in doc.segments] == [
        "Met with Joanna Smith at home.",
        "Plain, bold and italic words about Joanna.",
        "Client",
        "Joanna Smith, room 4",
        "Portfolio of Sam Learner",
        "Assessor: Alex Assessor 0161 496 0123",
    ]
    assert [s.where for s in doc.segments][-2:] == ["header1 paragraph 1", "footer1 paragraph 1"]
    assert doc.segments[0].part == "word/document.xml"
    assert all("Joanna" not in s.where for s in doc.segments)


def test_docx_read_finds_text_python_docx_misses(tmp_path):
    texts = _texts(special_docx(tmp_path / "in.docx"))
    assert texts == [
        "Her support worker is Chris WorkerKit Worker.",
        "Box:  end.",
        "Key safe code held by Lee Smith",
        "Alice Block",
        "Carol Author",
        "erin@example.com",
        "See note",
        "Seen by Dr Ann Example.",
    ]


@pytest.mark.parametrize(
    "runs, expected",
    [
        ('<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>', "a\tb"),
        ('<w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:cr/></w:r>', "a\nb\n"),
        ('<w:r><w:t>well</w:t><w:noBreakHyphen/><w:t>being</w:t></w:r>', "well-being"),
        # a tab-stop definition in the paragraph properties is not text
        ('<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' + run("x"), "x"),
        ('<w:proofErr w:type="spellStart"/>' + run("Jo") + '<w:bookmarkStart w:id="0" w:name="b"/>'
         + run("anna"), "Joanna"),
    ],
)
def test_docx_read_maps_fixed_characters(tmp_path, runs, expected):
    assert _texts(raw_docx(tmp_path / "in.docx", f"<w:p>{runs}</w:p>")) == [expected]


def _side(root: str, text: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return f'<w:{root} xmlns:w="{ns}"><w:x>{para(run(text))}</w:x></w:{root}>'.encode()


def test_docx_read_orders_side_parts_and_labels_them(tmp_path):
    extra = {
        "word/header10.xml": _side("hdr", "h10"),
        "word/comments.xml": _side("comments", "c"),
        "word/footer2.xml": _side("ftr", "f2"),
        "word/endnotes.xml": _side("endnotes", "e"),
        "word/header2.xml": _side("hdr", "h2"),
        "word/glossary/document.xml": _side("document", "g"),
        "word/theme/header1.xml": _side("hdr", "not a header part"),
    }
    doc = fmt.read(raw_docx(tmp_path / "in.docx", para(run("b")), extra=extra))
    assert [(s.where, s.text) for s in doc.segments] == [
        ("body paragraph 1", "b"),
        ("header2 paragraph 1", "h2"),
        ("header10 paragraph 1", "h10"),
        ("footer2 paragraph 1", "f2"),
        ("endnotes paragraph 1", "e"),
        ("comments paragraph 1", "c"),
        ("glossary paragraph 1", "g"),
    ]


def test_docx_read_skips_empty_paragraphs_but_numbers_them(tmp_path):
    doc = fmt.read(raw_docx(tmp_path / "in.docx", "<w:p/>" + para(run("Text")) + "<w:p/>"))
    assert [(s.text, s.where) for s in doc.segments] == [("Text", "body paragraph 2")]


# --- writing -------------------------------------------------------------------------------------

def test_docx_write_split_run_keeps_first_run_formatting(tmp_path):
    source = formatted_docx(tmp_path / "in.docx")
    text = _texts(source)[0]
    out = _write(source, {0: (_edit(text, "Joanna Smith", "Client A"),)}, tmp_path)
    runs = [(r.text, r.bold) for r in docx.Document(str(out)).paragraphs[0].runs]
    assert runs == [("Met with ", None), ("Client A", True), ("", True), (" at home.", None)]


def test_docx_write_keeps_formatting_and_untouched_text(tmp_path):
    source = formatted_docx(tmp_path / "in.docx")
    before = _texts(source)
    out = _write(source, {1: (_edit(before[1], "Joanna", "Client A"),)}, tmp_path)
    after = _texts(out)
    assert after[1] == "Plain, bold and italic words about Client A."
    assert after[:1] + after[2:] == before[:1] + before[2:]
    runs = docx.Document(str(out)).paragraphs[1].runs
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Plain, ", None, None), ("bold", True, None), (" and ", None, None),
        ("italic", None, True), (" words about Client A.", None, None),
    ]


def test_docx_write_edits_nested_table_header_and_footer(tmp_path):
    source = formatted_docx(tmp_path / "in.docx")
    texts = _texts(source)
    edits = {
        3: (_edit(texts[3], "Joanna Smith", "Client A"),),
        4: (_edit(texts[4], "Sam Learner", "Learner 1"),),
        5: (
            _edit(texts[5], "Alex Assessor", "Person B"),
            _edit(texts[5], "0161 496 0123", "[PHONE]"),
        ),
    }
    out = _write(source, edits, tmp_path)
    assert _texts(out)[3:] == [
        "Client A, room 4", "Portfolio of Learner 1", "Assessor: Person B [PHONE]"
    ]
    opened = docx.Document(str(out))
    outer = opened.tables[0]
    assert outer.cell(0, 0).text == "Client"
    assert outer.cell(0, 1).tables[0].cell(0, 0).text == "Client A, room 4"
    assert opened.sections[0].header.paragraphs[0].text == "Portfolio of Learner 1"
    assert opened.sections[0].footer.paragraphs[0].text == "Assessor: Person B [PHONE]"


def test_docx_write_edits_tracked_text_boxes_and_footnotes(tmp_path):
    source = special_docx(tmp_path / "in.docx")
    texts = _texts(source)
    edits = {
        0: (_edit(texts[0], "Chris WorkerKit Worker", "Person C"),),
        2: (_edit(texts[2], "Lee Smith", "Person D"),),
        7: (_edit(texts[7], "Ann Example", "Person E"),),
    }
    out = _write(source, edits, tmp_path)
    expected = [apply_edits(t, edits.get(i, ())) for i, t in enumerate(texts)]
    assert _texts(out) == expected
    with zipfile.ZipFile(out) as zf:
        blob = b"".join(zf.read(n) for n in zf.namelist())
    for gone in (b"Chris", b"Kit Worker", b"Lee Smith", b"Ann Example"):
        assert gone not in blob


def test_docx_write_copies_unchanged_entries_exactly(tmp_path):
    source = formatted_docx(tmp_path / "in.docx")
    texts = _texts(source)
    out = _write(source, {4: (_edit(texts[4], "Sam Learner", "Learner 1"),)}, tmp_path)
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for ia, ib in zip(a.infolist(), b.infolist(), strict=True):
            assert (ia.compress_type, ia.date_time) == (ib.compress_type, ib.date_time)
            if ia.filename != "word/header1.xml":
                assert a.read(ia) == b.read(ib), ia.filename
        assert a.read("word/header1.xml") != b.read("word/header1.xml")
        assert b'xml:space="preserve"' in b.read("word/header1.xml")


def test_docx_write_without_edits_keeps_every_entry(tmp_path):
    source = special_docx(tmp_path / "in.docx")
    out = _write(source, {}, tmp_path)
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert [(i.filename, a.read(i)) for i in a.infolist()] == [
            (i.filename, b.read(i)) for i in b.infolist()
        ]


@pytest.mark.parametrize(
    "runs, old, new, expected",
    [
        # a name split by a line break: the break is removed with the name
        ('<w:r><w:t>Mrs</w:t><w:br/><w:t>Jones said</w:t></w:r>', "Mrs\nJones", "Client A",
         "Client A said"),
        # an edit that starts on a tab becomes text in the tab's place
        ('<w:r><w:t>a</w:t><w:tab/><w:t>Jones b</w:t></w:r>', "\tJones", " X", "a X b"),
        # an edit covering only a break
        ('<w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r>', "\n", " ", "a b"),
        # deletion across three runs
        (run("ab") + run("cd") + run("ef"), "bcde", "", "af"),
        # replacement inside a tracked deletion
        ('<w:del w:id="1" w:author="x"><w:r><w:delText>Kit Jones</w:delText></w:r></w:del>',
         "Jones", "B", "Kit B"),
    ],
)
def test_docx_write_edit_across_nodes(tmp_path, runs, old, new, expected):
    source = raw_docx(tmp_path / "in.docx", f"<w:p>{runs}</w:p>")
    [text] = _texts(source)
    out = _write(source, {0: (_edit(text, old, new),)}, tmp_path)
    assert _texts(out) == [expected]
    docx.Document(str(out))


def test_docx_write_several_edits_in_one_run(tmp_path):
    source = raw_docx(tmp_path / "in.docx", para(run("Ann met Bob and Cy.")))
    edits = (Edit(0, 3, "Client A"), Edit(8, 11, "Client B"), Edit(16, 18, "Client C"))
    out = _write(source, {0: edits}, tmp_path)
    assert _texts(out) == ["Client A met Client B and Client C."]


def test_docx_write_refuses_changed_source(tmp_path):
    source = raw_docx(tmp_path / "in.docx", para(run("Ann met Bob.")))
    document = fmt.read(source)
    raw_docx(source, para(run("Ann met Rob.")))
    with pytest.raises(UnreadableFile, match="changed"):
        fmt.write(source, document, {0: (Edit(0, 3, "X"),)}, tmp_path / "out.docx")


def test_docx_write_output_opens_in_python_docx(tmp_path):
    source = formatted_docx(tmp_path / "in.docx")
    texts = _texts(source)
    out = _write(source, {i: (Edit(0, len(t), "X"),) for i, t in enumerate(texts)}, tmp_path)
    opened = docx.Document(str(out))
    assert opened.paragraphs[0].text == "X"
    assert _texts(out) == ["X"] * len(texts)


# --- refusals ------------------------------------------------------------------------------------

def _doctype(path: Path) -> Path:
    body = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY n "' + PLANTED + '">]>'
        f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&n;</w:t></w:r></w:p></w:body></w:document>"
    )
    return raw_docx(path, para(run("x")), extra={"word/settings.xml": body.encode()})


def _doctype_in_main(path: Path) -> Path:
    raw_docx(path, para(run(PLANTED)))
    with zipfile.ZipFile(path) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        b"?>\n", b'?>\n<!DOCTYPE w:document SYSTEM "file:///etc/hostname">', 1
    )
    return zip_with(path, entries)


HOSTILE = [
    ("random", lambda p: p.write_bytes(b"\x13\x37" + PLANTED.encode() * 20) or p, UnreadableFile),
    ("pk-then-text", lambda p: p.write_bytes(b"PK\x03\x04" + PLANTED.encode() * 5) or p,
     UnreadableFile),
    ("truncated", lambda p: p.write_bytes(formatted_docx(p).read_bytes()[:3000]) or p,
     UnreadableFile),
    ("ole-encrypted", lambda p: ole_file(p, encrypted=True), EncryptedFile),
    ("ole-legacy", lambda p: ole_file(p, encrypted=False), EncryptedFile),
    ("big-entry", lambda p: bomb_docx(p, 26 * 1024 * 1024), UnreadableFile),
    ("ratio-bomb", lambda p: bomb_docx(p, 5 * 1024 * 1024), UnreadableFile),
    ("many-entries", lambda p: bomb_docx(p, 1, entries=2001), UnreadableFile),
    ("doctype-side-part", _doctype, UnreadableFile),
    ("doctype-main", _doctype_in_main, UnreadableFile),
    ("unsafe-name", lambda p: zip_with(p, {"../evil.xml": b"<x/>"}), UnreadableFile),
    ("encrypted-entry", lambda p: zip_with(p, {"word/document.xml": b"x"}, encrypted_flag=True),
     EncryptedFile),
    ("no-main-part", lambda p: zip_with(p, {"a.txt": PLANTED.encode()}), UnreadableFile),
    ("bad-xml", lambda p: raw_docx(p, f"<w:p><w:r><w:t>{PLANTED}</w:r></w:p>"), UnreadableFile),
    ("macro", lambda p: raw_docx(p, para(run("x")), extra={"word/vbaProject.bin": b"x"}),
     UnsupportedContent),
    ("ole-object", lambda p: raw_docx(
        p, para(run("x")), extra={"word/embeddings/oleObject1.bin": b"x"}), UnsupportedContent),
    ("alt-chunk", lambda p: raw_docx(p, para(run("x")), extra_rels=(("aFChunk", "a.htm"),)),
     UnsupportedContent),
    ("chart", lambda p: raw_docx(p, para(run("x")), extra={"word/charts/chart1.xml": b"<c/>"}),
     UnsupportedContent),
    ("strict", lambda p: raw_docx(
        p, para(run("x")), main_ns="http://purl.oclc.org/ooxml/wordprocessingml/main"),
     UnsupportedContent),
]


@pytest.mark.parametrize("build, error", [(b, e) for _, b, e in HOSTILE],
                         ids=[name for name, _, _ in HOSTILE])
def test_docx_read_refuses_hostile_file(tmp_path, build, error):
    path = tmp_path / "in.docx"
    build(path)
    with pytest.raises(error) as info:
        fmt.read(path)
    message = str(info.value)
    assert isinstance(info.value, InputError)
    assert "\n" not in message and message
    for piece in PLANTED.split():
        assert piece not in message


def test_docx_read_accepts_clean_file_beside_hostile_cases(tmp_path):
    # the negative control for the table above: the same builders without the hostile part
    assert _texts(raw_docx(tmp_path / "in.docx", para(run("x")), extra={"word/media/a.png": b"1"}))


def test_docx_read_bounds_zip_directory_before_parsing(tmp_path, monkeypatch):
    from pipeline.formats import ooxml

    source = raw_docx(tmp_path / "in.docx", para(run("x")))
    assert _texts(source) == ["x"]
    monkeypatch.setattr(ooxml, "_MAX_DIRECTORY_ENTRY", 0)
    with pytest.raises(UnreadableFile, match="entries"):
        fmt.read(source)
