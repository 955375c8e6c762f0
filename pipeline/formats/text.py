"""Plain text and Markdown: one segment holding the whole file.

Bytes outside replaced spans are written back unchanged: the file is decoded without newline
translation and re-encoded with the same encoding (UTF-8, UTF-8 with BOM, or Windows-1252).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import OutputError, UnreadableFile
from pipeline.formats import STRICT, Format, ReadOptions, ReadResult, removing_on_error
from pipeline.model import Document, EditMap, apply_edits

#: Largest text file read (bytes); bigger files are refused rather than loaded into memory.
MAX_BYTES = 50 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the raw bytes of a text file.

    Raises:
        UnreadableFile: the bytes are neither UTF-8 nor Windows-1252, or contain NUL bytes.
    """
    if b"\x00" in data:
        raise UnreadableFile("binary content in a text file")
    for encoding in ("utf-8-sig" if data.startswith(_BOM) else "utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("text is neither UTF-8 nor Windows-1252")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFile(f"text file larger than {MAX_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read file ({exc.strerror or type(exc).__name__})") from None


def load(path: Path, options: ReadOptions = STRICT) -> ReadResult:
    """Read a .txt/.md file as a single-segment document (text has nothing to drop)."""
    text, _ = decode(_read_bytes(path))
    return ReadResult(Document.from_parts(path, "text", [("text", "text", text)]))


def read(path: Path, options: ReadOptions = STRICT) -> Document:
    """Read a .txt/.md file as a single-segment document."""
    return load(path, options).document


def write(
    source: Path, document: Document, edits: EditMap, target: Path,
    options: ReadOptions = STRICT,
) -> None:
    """Write ``source`` with ``edits`` applied to ``target`` in the source's encoding."""
    with removing_on_error(target):
        text, encoding = decode(_read_bytes(source))
        if text != document.text:
            raise UnreadableFile("file changed while it was being processed")
        new_text = apply_edits(text, edits.get(0, ()))
        try:
            encoded = new_text.encode(encoding)
        except UnicodeEncodeError:
            encoded = new_text.encode("utf-8")
        try:
            target.write_bytes(encoded)
        except OSError as exc:
            raise OutputError(
                f"cannot write output ({exc.strerror or type(exc).__name__})"
            ) from None


FORMAT = Format(name="text", suffixes=(".txt", ".md"), load=load, write=write)
