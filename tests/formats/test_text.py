"""Plain-text reader/writer: one segment, byte-exact outside edits, encodings kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import UnreadableFile
from pipeline.formats import format_for
from pipeline.formats import text as fmt
from pipeline.model import Edit


def _round_trip(tmp_path: Path, raw: bytes, edits: tuple[Edit, ...]) -> bytes:
    source = tmp_path / "in.txt"
    source.write_bytes(raw)
    document = fmt.read(source)
    target = tmp_path / "out.txt"
    fmt.write(source, document, {0: edits} if edits else {}, target)
    return target.read_bytes()


@pytest.mark.parametrize("name, expected", [("a.txt", "text"), ("b.MD", "text")])
def test_text_registered_for_suffix(name, expected):
    assert format_for(Path(name)).name == expected


def test_text_read_is_one_segment(tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(b"line one\r\nline two\n")
    document = fmt.read(source)
    assert [(s.part, s.where, s.text) for s in document.segments] == [
        ("text", "text", "line one\r\nline two\n")
    ]


@pytest.mark.parametrize(
    "raw, edits, expected",
    [
        (b"Ann met Bob.\r\n", (Edit(0, 3, "Client A"),), b"Client A met Bob.\r\n"),
        (b"\xef\xbb\xbfAnn \xc3\xa9t\xc3\xa9\n", (Edit(0, 3, "X"),),
         b"\xef\xbb\xbfX \xc3\xa9t\xc3\xa9\n"),
        (b"Caf\xe9 \x93Ann\x94\n", (Edit(6, 9, "X"),), b"Caf\xe9 \x93X\x94\n"),
        (b"no edits\n\n  spaced  ", (), b"no edits\n\n  spaced  "),
        # a replacement Windows-1252 cannot encode falls back to UTF-8
        (b"Caf\xe9 Ann", (Edit(5, 8, "\u0174"),), "Café \u0174".encode()),
    ],
    ids=["crlf", "utf8-bom", "cp1252", "unchanged", "cp1252-fallback"],
)
def test_text_round_trip_keeps_bytes_outside_edits(tmp_path, raw, edits, expected):
    assert _round_trip(tmp_path, raw, edits) == expected


@pytest.mark.parametrize(
    "raw", [b"abc\x00def", b"\x81\x8d\x8f"], ids=["nul", "undecodable"]
)
def test_text_read_refuses_binary(tmp_path, raw):
    source = tmp_path / "in.txt"
    source.write_bytes(raw)
    with pytest.raises(UnreadableFile):
        fmt.read(source)


def test_text_read_refuses_over_size(tmp_path, monkeypatch):
    source = tmp_path / "in.txt"
    source.write_bytes(b"x" * 20)
    assert fmt.read(source).text == "x" * 20
    monkeypatch.setattr(fmt, "MAX_BYTES", 10)
    with pytest.raises(UnreadableFile, match="larger"):
        fmt.read(source)


def test_text_write_refuses_changed_source(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Ann met Bob.")
    document = fmt.read(source)
    source.write_text("Ann met Rob.")
    with pytest.raises(UnreadableFile, match="changed"):
        fmt.write(source, document, {0: (Edit(0, 3, "X"),)}, tmp_path / "out.txt")


def test_text_read_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile):
        fmt.read(tmp_path / "absent.txt")
