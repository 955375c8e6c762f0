"""Registry of file formats: each format module reads a file into a :class:`Document` and
writes an anonymised copy from per-segment edits.

To add a format, write one module exposing ``FORMAT = Format(...)`` and list it in
``_FORMAT_MODULES`` below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import UnsupportedFormat
from pipeline.model import Document, EditMap

Reader = Callable[[Path], Document]
#: ``write(source, document, edits, target)``: write the anonymised copy of ``source`` to
#: ``target`` (a temporary path; the caller renames it into place).
Writer = Callable[[Path, Document, EditMap, Path], None]


@dataclass(frozen=True)
class Format:
    """How to read and write one kind of file."""

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    write: Writer


_FORMAT_MODULES = ("pipeline.formats.text", "pipeline.formats.docx", "pipeline.formats.pdf")


def _load() -> dict[str, Format]:
    table: dict[str, Format] = {}
    for module_name in _FORMAT_MODULES:
        fmt: Format = importlib.import_module(module_name).FORMAT
        for suffix in fmt.suffixes:
            table[suffix] = fmt
    return table


_BY_SUFFIX: dict[str, Format] | None = None


def formats_by_suffix() -> dict[str, Format]:
    """Return the suffix → format table (e.g. ``".docx"``), loading the modules once."""
    global _BY_SUFFIX
    if _BY_SUFFIX is None:
        _BY_SUFFIX = _load()
    return _BY_SUFFIX


def supported_suffixes() -> tuple[str, ...]:
    """All file suffixes anonymise reads, lower case with the dot."""
    return tuple(sorted(formats_by_suffix()))


def format_for(path: Path) -> Format:
    """Return the format for ``path`` by its suffix.

    Raises:
        UnsupportedFormat: the suffix is not registered.
    """
    fmt = formats_by_suffix().get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(f"unsupported file type '{path.suffix or '(none)'}'")
    return fmt
