"""Registry of file formats: each format module reads a file into a :class:`Document` and
writes an anonymised copy from per-segment edits.

To add a format, write one module exposing ``FORMAT = Format(...)`` and list it in
``_FORMAT_MODULES`` below.

Reading is strict by default: content a reader cannot anonymise makes the file refused. With
``ReadOptions(drop_unsupported=True)`` such content is dropped instead, and the labels of what
was dropped come back in :attr:`ReadResult.dropped`. The writer must be given the same options
as the reader, so that it drops the same content (with strict options it refuses the file).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pipeline.errors import UnsupportedFormat
from pipeline.model import Document, EditMap


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How a reader treats content it cannot anonymise.

    Attributes:
        drop_unsupported: drop such content (and report it) instead of refusing the file.
    """

    drop_unsupported: bool = False


#: The default options: refuse anything that cannot be anonymised.
STRICT = ReadOptions()


@dataclass(frozen=True, slots=True)
class ReadResult:
    """A document and the labels of the content dropped while reading it.

    ``dropped`` holds labels such as ``"embedded object 1"`` or ``"chart 2"``; they name kinds
    of content, never document text or file names. It is empty under :data:`STRICT`.
    """

    document: Document
    dropped: tuple[str, ...] = ()


#: ``load(path, options)``: read ``path`` into a document.
Loader = Callable[[Path, ReadOptions], ReadResult]


class Writer(Protocol):
    """``write(source, document, edits, target, options=STRICT)``: write the anonymised copy
    of ``source`` to ``target`` (a temporary path; the caller renames it into place). On
    error no file is left at ``target``."""

    def __call__(
        self, source: Path, document: Document, edits: EditMap, target: Path,
        options: ReadOptions = ...,
    ) -> None: ...


@dataclass(frozen=True)
class Format:
    """How to read and write one kind of file."""

    name: str
    suffixes: tuple[str, ...]
    load: Loader
    write: Writer

    def read(self, path: Path, options: ReadOptions = STRICT) -> Document:
        """Read ``path`` and return only the document (see :attr:`load` for dropped content)."""
        return self.load(path, options).document


@contextmanager
def removing_on_error(target: Path) -> Iterator[None]:
    """Delete ``target`` if the block raises, so that a failed write leaves no partial file."""
    try:
        yield
    except BaseException:
        target.unlink(missing_ok=True)
        raise


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


def format_named(name: str) -> Format:
    """Return the format whose :attr:`Format.name` is ``name`` ("text", "docx", "pdf").

    Raises:
        UnsupportedFormat: no format has that name.
    """
    for fmt in formats_by_suffix().values():
        if fmt.name == name:
            return fmt
    raise UnsupportedFormat(f"unknown format '{name}'")
