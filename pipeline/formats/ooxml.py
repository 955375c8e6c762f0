"""Safe loading and saving of Office Open XML packages (the zip container of .docx files).

Loading checks the container before anything is decompressed or parsed: zip-bomb limits
(entry size, total size, entry count, compression ratio), unsafe or duplicate entry names,
encrypted entries, and password-protected Office files (which are OLE compound files, not
zips). XML parts are parsed with entity resolution, DTD loading and network access off, and a
part holding a DOCTYPE is refused. Saving rewrites only the replaced parts: every other entry
keeps its name, order, timestamp, attributes, compression method and exact content.

Error messages name parts and limits only; they never quote file content.
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from pipeline.errors import EncryptedFile, UnreadableFile

MB = 1024 * 1024
#: Largest input file read at all.
MAX_FILE_BYTES = 200 * MB
#: Largest uncompressed size of one zip entry.
MAX_ENTRY_BYTES = 25 * MB
#: Largest uncompressed size of all entries together.
MAX_TOTAL_BYTES = 200 * MB
#: Most entries a package may hold.
MAX_ENTRIES = 2000
#: Highest uncompressed/compressed ratio allowed for an entry bigger than RATIO_MIN_BYTES.
MAX_RATIO = 200
#: Entries smaller than this are not ratio-checked (tiny repetitive parts compress very well).
RATIO_MIN_BYTES = 1 * MB

_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SEARCH = 22 + 65535  # the end record plus the longest archive comment
_MAX_DIRECTORY_ENTRY = 1024  # bytes per central-directory entry, generous for long names

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Name of the stream that holds the encrypted package inside a password-protected Office file.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

_DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False
)


@dataclass(frozen=True)
class Package:
    """A package's entries in archive order, each with its decompressed bytes."""

    infos: tuple[zipfile.ZipInfo, ...]
    data: Mapping[str, bytes] = field(repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Entry names in archive order."""
        return tuple(info.filename for info in self.infos)


def _refuse_ole(head: bytes, path: Path, kind: str) -> None:
    """Refuse an OLE compound file: an encrypted Office file or a legacy binary file."""
    if not head.startswith(OLE_MAGIC):
        return
    try:
        with path.open("rb") as fh:
            body = fh.read(MAX_FILE_BYTES)
    except OSError:
        body = b""
    if _ENCRYPTED_STREAM in body:
        raise EncryptedFile(f"password-protected {kind} file; remove the password first")
    raise EncryptedFile(
        f"password-protected or legacy binary {kind} file (not an Open XML package)"
    )


def _check_name(name: str) -> None:
    pure = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or ".." in pure.parts
        or (len(name) > 1 and name[1] == ":")
    ):
        raise UnreadableFile("package has an unsafe entry name")


def _check_infos(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise UnreadableFile(f"package has more than {MAX_ENTRIES} entries")
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_name(info.filename)
        if info.filename.casefold() in seen:
            raise UnreadableFile("package has duplicate entry names")
        seen.add(info.filename.casefold())
        if info.flag_bits & 0x1:
            raise EncryptedFile("package has encrypted entries")
        if info.file_size > MAX_ENTRY_BYTES:
            raise UnreadableFile(
                f"entry larger than {MAX_ENTRY_BYTES // MB} MB uncompressed (possible zip bomb)"
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnreadableFile(
                f"package larger than {MAX_TOTAL_BYTES // MB} MB uncompressed (possible zip bomb)"
            )
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise UnreadableFile(f"entry compression ratio above {MAX_RATIO} (possible zip bomb)")


def _check_directory(path: Path) -> None:
    """Bound the central directory before zipfile parses it (a huge one is a memory bomb)."""
    with path.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - _EOCD_SEARCH))
        tail = fh.read()
    at = tail.rfind(_EOCD_SIGNATURE)
    if at < 0 or len(tail) - at < 22:
        raise UnreadableFile("corrupt package (no zip directory)")
    entries, directory_size = struct.unpack("<HI", tail[at + 10 : at + 16])
    if entries > MAX_ENTRIES or directory_size > MAX_ENTRIES * _MAX_DIRECTORY_ENTRY:
        raise UnreadableFile(f"package has more than {MAX_ENTRIES} entries")


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Stream one entry with a byte counter instead of trusting the header sizes."""
    chunks: list[bytes] = []
    count = 0
    with zf.open(info) as fh:
        while chunk := fh.read(MB):
            count += len(chunk)
            if count > MAX_ENTRY_BYTES or count > info.file_size:
                raise UnreadableFile("entry is bigger than its header says (possible zip bomb)")
            chunks.append(chunk)
    return b"".join(chunks)


def load_package(path: Path, kind: str = "Word") -> Package:
    """Open ``path`` as an OOXML zip package after the safety checks, reading every entry.

    Args:
        path: the file to read.
        kind: the application name used in messages ("Word").

    Raises:
        EncryptedFile: a password-protected Office file or encrypted zip entries.
        UnreadableFile: not a zip, corrupt, too big, a zip bomb or unsafe entry names.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"file larger than {MAX_FILE_BYTES // MB} MB")
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableFile(f"cannot read file ({exc.strerror or type(exc).__name__})") from None
    _refuse_ole(head, path, kind)
    if not head.startswith(b"PK"):
        raise UnreadableFile(f"not a {kind} file (not a zip package)")
    try:
        _check_directory(path)
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_infos(infos)
            data = {info.filename: _read_entry(zf, info) for info in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            NotImplementedError, RuntimeError, ValueError) as exc:
        raise UnreadableFile(f"corrupt {kind} file ({type(exc).__name__})") from None
    return Package(tuple(infos), data)


def parse_xml(package: Package, name: str, label: str = "") -> etree._ElementTree:
    """Parse the XML part ``name`` safely.

    Args:
        package: the loaded package.
        name: the entry name of the part.
        label: how messages refer to the part (entry names can be chosen by whoever made the
            file, so they are not quoted); defaults to "a package part".

    Raises:
        UnreadableFile: the part is missing, holds a DOCTYPE, or is not well-formed.
    """
    label = label or "a package part"
    data = package.data.get(name)
    if data is None:
        raise UnreadableFile(f"{label} is missing")
    if has_doctype(data):
        raise UnreadableFile(f"{label} holds a DOCTYPE (not allowed in Office files)")
    try:
        tree = etree.ElementTree(etree.fromstring(data, _PARSER))
    except (etree.XMLSyntaxError, ValueError):
        raise UnreadableFile(f"{label} is not well-formed XML") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnreadableFile(f"{label} holds a DOCTYPE (not allowed in Office files)")
    return tree


def has_doctype(data: bytes) -> bool:
    """Whether raw XML bytes (UTF-8 or UTF-16) declare a DOCTYPE."""
    return any(marker in data for marker in _DOCTYPE_MARKERS)


def serialise_xml(tree: etree._ElementTree) -> bytes:
    """Serialise a parsed part as UTF-8 with an XML declaration, keeping ``standalone``."""
    return etree.tostring(
        tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone
    )


def save_package(
    package: Package,
    replaced: Mapping[str, bytes],
    target: Path,
    dropped: Collection[str] = frozenset(),
) -> None:
    """Write ``package`` to ``target`` with the parts in ``replaced`` swapped in and the
    entries in ``dropped`` left out.

    Entries keep their order, names, timestamps, attributes and compression method; entries
    not in ``replaced`` keep their exact decompressed content. Zip comments and extra fields
    are not copied.
    """
    unknown = set(replaced) - set(package.data)
    if unknown:
        raise ValueError("replaced parts must already exist in the package")
    with zipfile.ZipFile(target, "w") as out:
        for info in package.infos:
            if info.filename in dropped:
                continue
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            out.writestr(copy, replaced.get(info.filename, package.data[info.filename]))
