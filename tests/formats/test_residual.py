"""The residual re-scan: independent plain readers find any original value left in an output."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formats.builders import PLANTED, png_bytes, raw_docx, run, text_pdf
from pipeline.formats import docx, pdf, text
from pipeline.formats.wordml import W_NS
from pipeline.model import Edit
from pipeline.residual import find_residuals, value_pattern

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "samples"))
import build_samples  # noqa: E402  (the sample builder is a script, not a package)


@pytest.mark.parametrize(
    "value, haystack, found",
    [
        ("943 476 5919", "call 943-476-5919 now", True),
        ("943 476 5919", "9434765919", True),
        ("943-476-5919", "943 476 5919", True),
        ("943 476 5919", "(943) 476.5919", True),
        ("943 476 5919", "19434765919", False),  # part of a longer number
        ("943 476 5919", "943 476 591", False),
        ("AB 12 34 56 C", "nino ab123456c.", True),
        ("14/03/1941", "born 14.03.1941", True),
        ("Harriet Quenby", "HARRIET\n  quenby", True),
        ("Harriet Quenby", "Harriet Quenbyson", False),
        ("Ann", "ann said", True),
        ("Ann", "Annual report", False),
        ("O'Neill", "Mrs O\u2019Neill", True),
        ("Smith-Jones", "Smith\u2013Jones", True),
        ("jo@example.org", "mailto:JO@example.org", True),
        ("jo@example.org", "bojo@example.org", False),
    ],
)
def test_residual_value_pattern_matching(value, haystack, found):
    pattern = value_pattern(value)
    assert pattern is not None
    assert bool(re.search(pattern, haystack, re.IGNORECASE)) is found


@pytest.mark.parametrize("value", ["Jo", "  ", "--", "...", "'s", "", "?!?!"])
def test_residual_ignores_short_and_punctuation_values(value, tmp_path):
    assert value_pattern(value) is None
    path = tmp_path / "out.txt"
    path.write_text(f"{value} {value}")
    assert find_residuals(path, "text", [value]) == []


def _edits_for(document, values) -> dict[int, tuple[Edit, ...]]:
    edits = {}
    for seg in document.segments:
        found = []
        for value in values:
            found += [Edit(m.start(), m.end(), "[X]")
                      for m in re.finditer(value_pattern(value), seg.text, re.IGNORECASE)]
        kept: list[Edit] = []
        for edit in sorted(found):
            if not kept or edit.start >= kept[-1].end:
                kept.append(edit)
        if kept:
            edits[seg.index] = tuple(kept)
    return edits


SAMPLES = [
    ("docx", docx, build_samples.build_docx, "in.docx",
     ["Bethany Marsh", "Tom Whitfield", "0161 496 0732", "Margaret O'Neill", "O'Neill",
      "999 274 1635", "Daniel O'Neill", "07700 900417", "27 Larkspur Close"]),
    ("pdf", pdf, build_samples.build_pdf, "in.pdf",
     ["Kwame Mensah", "Rebecca Llewellyn", "0113 496 0628", "Abena Owusu", "07700 900582",
      "Farah Qureshi", "AB 12 34 56 C"]),
    ("text", text, build_samples.build_text, "in.txt",
     ["Arthur Pennington", "07700 900236", "Joy Adebayo", "Callum Reid", "Susan Pennington"]),
]


@pytest.mark.parametrize("name, module, build, filename, values", SAMPLES,
                         ids=[s[0] for s in SAMPLES])
def test_residual_clean_sample_outputs_pass(tmp_path, name, module, build, filename, values):
    source = tmp_path / filename
    build(source)
    assert find_residuals(source, name, values)  # the scan can fail: the source has them
    document = module.read(source)
    target = tmp_path / f"out{source.suffix}"
    module.write(source, document, _edits_for(document, values), target)
    assert find_residuals(target, name, values) == []


def _leave_segment(monkeypatch, where: str) -> None:
    """Break the Word writer: it silently skips the edits of one segment."""
    original = docx._apply

    def broken(prepared, document, edits):
        skip = next(s.index for s in document.segments if s.where == where)
        original(prepared, document, {i: e for i, e in edits.items() if i != skip})

    monkeypatch.setattr(docx, "_apply", broken)


def test_residual_catches_a_broken_word_writer(tmp_path, monkeypatch):
    source = tmp_path / "in.docx"
    build_samples.build_docx(source)
    values = SAMPLES[0][4]
    document = docx.read(source)
    target = tmp_path / "out.docx"
    _leave_segment(monkeypatch, "footer1 paragraph 1")
    docx.write(source, document, _edits_for(document, values), target)
    locations = find_residuals(target, "docx", values)
    assert locations == ["word/footer1.xml"]


@pytest.mark.parametrize("module, name, suffix", [(pdf, "pdf", ".pdf"), (text, "text", ".txt")])
def test_residual_catches_a_broken_pdf_or_text_writer(tmp_path, monkeypatch, module, name,
                                                      suffix):
    source = tmp_path / f"in{suffix}"
    if name == "pdf":
        text_pdf(source, [[f"Client {PLANTED}, tel 0113 496 0451"]])
    else:
        source.write_text(f"Client {PLANTED}, tel 0113 496 0451\n")
    values = [PLANTED, "0113 496 0451"]
    document = module.read(source)
    edits = _edits_for(document, values)
    monkeypatch.setattr(module, "apply_edits", lambda text, edits: text)  # the broken writer
    target = tmp_path / f"out{suffix}"
    module.write(source, document, edits, target)
    locations = find_residuals(target, name, values)
    assert locations and locations[0] in ("page 1 text", "text")
    for location in locations:
        for value in values:
            assert value.split()[0].casefold() not in location.casefold()


def test_residual_neutralises_a_location_that_names_a_value(tmp_path):
    path = raw_docx(tmp_path / "out.docx", f"<w:p>{run('x')}</w:p>",
                    extra={f"word/media/{PLANTED}.png": png_bytes(PLANTED)})
    locations = find_residuals(path, "docx", [PLANTED])
    assert locations
    joined = " ".join(locations).casefold()
    for piece in PLANTED.casefold().split():
        assert piece not in joined
    assert "package entry name" in joined


@pytest.mark.parametrize(
    "planted, encoding, found",
    [
        (PLANTED, "utf-8", True),  # long enough to be searched in raw bytes
        ("Edna", "utf-8", False),  # too short: it would match random image bytes
        ("Edna", "utf-16-le", True),  # UTF-16 forms are searched at any length
        ("Edna", "utf-16-be", True),
    ],
)
def test_residual_searches_binary_parts(tmp_path, planted, encoding, found):
    blob = b"\x89PNG\r\n\x1a\n\x00\x01" + planted.encode(encoding) + b"\x00\x17"
    path = raw_docx(tmp_path / "out.docx", f"<w:p>{run('x')}</w:p>",
                    extra={"word/media/a.png": blob})
    assert (find_residuals(path, "docx", [planted]) == ["word/media/a.png"]) is found


def test_residual_finds_values_split_over_runs_and_in_attributes(tmp_path):
    body = (f"<w:p>{run('Harr')}{run('iet Q')}{run('uenby')}</w:p>"
            '<w:p><w:hyperlink w:tooltip="Mail Jo%20Quenby"/></w:p>')
    path = raw_docx(tmp_path / "out.docx", body)
    assert find_residuals(path, "docx", ["Harriet Quenby"]) == ["word/document.xml"]
    assert find_residuals(path, "docx", ["Jo Quenby"]) == ["word/document.xml (attributes)"]
    assert find_residuals(path, "docx", ["Ivy Quenby"]) == []


def test_residual_expected_text_exempts_values_the_plan_kept(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("Client A said she may need help in May.")
    assert find_residuals(path, "text", ["May"]) == ["text"]
    assert find_residuals(path, "text", ["May"], expected=path.read_text()) == []
    assert find_residuals(path, "text", ["Maya Hollis", "May"], expected="may") == []


@pytest.mark.parametrize("name", ["docx", "pdf"])
def test_residual_unreadable_output_is_a_residual(tmp_path, name):
    path = tmp_path / f"out.{name}"
    path.write_bytes(b"not a real file " + PLANTED.encode())
    locations = find_residuals(path, name, [PLANTED])
    assert len(locations) == 1 and locations[0].startswith("whole file")
    assert PLANTED.split()[0] not in locations[0]


@pytest.mark.parametrize(
    "styles",
    [
        '<w:style><w:name w:val="Harriet Quenby notes"/></w:style>',  # literal attribute
        "<w:style><w:name w:val=\"Harriet Q&#117;enby\"/></w:style>",  # character reference
        "<w:style><!-- Harriet Quenby --></w:style>",  # comment
        "<w:style><w:t>Harr</w:t><w:t>iet Quenby</w:t></w:style>",  # text split over nodes
        "<w:style><w:t><![CDATA[Harriet Quenby]]></w:t></w:style>",  # CDATA
    ],
)
def test_residual_prefilter_never_skips_a_part_that_holds_a_value(tmp_path, styles):
    part = f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{styles}</w:styles>'
    path = raw_docx(tmp_path / "out.docx", f"<w:p>{run('x')}</w:p>",
                    extra={"word/styles.xml": part.encode()})
    assert find_residuals(path, "docx", ["Harriet Quenby"]) != []


def test_residual_prefilter_skips_parts_that_cannot_hold_a_value(tmp_path, monkeypatch):
    from pipeline.formats import plain

    parsed = []
    real = plain._xml_views
    monkeypatch.setattr(plain, "_xml_views", lambda name, data: parsed.append(name) or real(name, data))
    part = f'<w:styles xmlns:w="{W_NS}"><w:style><w:name w:val="Normal"/></w:style></w:styles>'
    path = raw_docx(tmp_path / "out.docx", f"<w:p>{run('Harriet Quenby')}</w:p>",
                    extra={"word/styles.xml": part.encode()})
    assert find_residuals(path, "docx", ["Harriet Quenby"]) == ["word/document.xml"]
    assert "word/document.xml" in parsed and "word/styles.xml" not in parsed


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_residual_squash_fast_path_agrees_with_the_definition(text):
    from pipeline.residual import _NOT_ALNUM, _squash

    assert _squash(text) == _NOT_ALNUM.sub("", text.casefold())


def test_residual_does_not_match_short_values_in_the_embedded_font_licence(tmp_path):
    # The regenerated PDF embeds a font whose licence (UTF-16) says "... may be modified".
    source = text_pdf(tmp_path / "in.pdf", [["Client A visited on Monday."]])
    document = pdf.read(source)
    out = tmp_path / "out.pdf"
    pdf.write(source, document, {}, out)
    assert find_residuals(out, "pdf", ["May"]) == []
    # Long values are still searched in the font's bytes, as in any other raw bytes.
    assert find_residuals(out, "pdf", ["Bitstream"]) != []
