"""Metadata stripping for raster images embedded in documents, at the byte level.

Pixel data is copied unchanged; only metadata containers are left out:

* JPEG: every APPn segment except JFIF (APP0), the ICC colour profile (APP2) and Adobe's
  colour-transform marker (APP14); every comment (COM); anything after the end-of-image
  marker. A non-default EXIF orientation is kept in a new minimal EXIF segment so that the
  picture is not shown rotated.
* PNG: every chunk except the image, colour, transparency, physical-size and animation chunks
  (so text, EXIF, time and unknown chunks go); anything after IEND.
* GIF: comment, plain-text and application extensions (except the animation-loop ones);
  anything after the trailer.
* BMP: kept as is (the format has no metadata).

Other formats are not supported (:func:`image_kind` returns None). Malformed data raises
:class:`ValueError`.
"""

from __future__ import annotations

import struct

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEEP = frozenset(
    b"IHDR PLTE IDAT IEND tRNS cHRM gAMA iCCP sBIT sRGB cICP bKGD hIST pHYs sPLT acTL fcTL "
    b"fdAT".split()
)
#: APPn marker → payload prefixes that are kept (colour handling, not metadata).
_JPEG_KEEP_APP = {0xE0: (b"JFIF\x00",), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}
_GIF_LOOP_APPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")


def image_kind(data: bytes) -> str | None:
    """Return "jpeg", "png", "gif" or "bmp" by the file's magic bytes, else None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(_PNG_SIGNATURE):
        return "png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data.startswith(b"BM") and len(data) >= 26:
        return "bmp"
    return None


def strip_metadata(data: bytes) -> bytes:
    """Return the image without its metadata (see the module docstring).

    Raises:
        ValueError: not a supported image, or malformed.
    """
    kind = image_kind(data)
    if kind == "jpeg":
        return _strip_jpeg(data)
    if kind == "png":
        return _strip_png(data)
    if kind == "gif":
        return _strip_gif(data)
    if kind == "bmp":
        return data
    raise ValueError("unsupported image format")


def _need(data: bytes, end: int) -> None:
    if end > len(data):
        raise ValueError("truncated image")


# --- JPEG --------------------------------------------------------------------------------------

def _exif_orientation(payload: bytes) -> int:
    """The orientation tag of an EXIF APP1 payload's first IFD (1 when absent or unreadable)."""
    tiff = payload[6:]
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return 1
    order = "<" if tiff[:2] == b"II" else ">"
    (ifd,) = struct.unpack(order + "I", tiff[4:8])
    if ifd + 2 > len(tiff):
        return 1
    (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
    for i in range(min(count, 512)):
        at = ifd + 2 + 12 * i
        if at + 12 > len(tiff):
            break
        tag, kind = struct.unpack(order + "HH", tiff[at : at + 4])
        if tag == 0x0112 and kind == 3:
            (value,) = struct.unpack(order + "H", tiff[at + 8 : at + 10])
            return value if 1 <= value <= 8 else 1
    return 1


def _orientation_segment(orientation: int) -> bytes:
    payload = (
        b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x01"
        + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
        + b"\x00\x00\x00\x00"
    )
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def _entropy_end(data: bytes, pos: int) -> int:
    """Position of the first marker after entropy-coded data starting at ``pos``."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise ValueError("truncated JPEG scan")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _strip_jpeg(data: bytes) -> bytes:
    out: list[bytes] = [b"\xff\xd8"]
    pos = 2
    orientation = 1
    while True:
        _need(data, pos + 2)
        if data[pos] != 0xFF:
            raise ValueError("JPEG marker expected")
        while pos < len(data) and data[pos] == 0xFF:
            pos += 1
        _need(data, pos + 1)
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(bytes((0xFF, marker)))
            continue
        _need(data, pos + 2)
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        if length < 2:
            raise ValueError("bad JPEG segment length")
        _need(data, pos + length)
        payload = data[pos + 2 : pos + length]
        segment = bytes((0xFF, marker)) + data[pos : pos + length]
        pos += length
        if 0xE0 <= marker <= 0xEF:
            if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
                orientation = _exif_orientation(payload)
            if payload.startswith(_JPEG_KEEP_APP.get(marker, ())):
                out.append(segment)
        elif marker != 0xFE:
            out.append(segment)
        if marker == 0xDA:
            end = _entropy_end(data, pos)
            out.append(data[pos:end])
            pos = end
    if orientation != 1:
        at = 2 if len(out) > 1 and out[1].startswith(b"\xff\xe0") else 1
        out.insert(at, _orientation_segment(orientation))
    return b"".join(out)


# --- PNG ---------------------------------------------------------------------------------------

def _strip_png(data: bytes) -> bytes:
    out = [_PNG_SIGNATURE]
    pos = len(_PNG_SIGNATURE)
    first = True
    while True:
        _need(data, pos + 12)
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        _need(data, end)
        if first and kind != b"IHDR":
            raise ValueError("PNG must start with IHDR")
        first = False
        if kind in _PNG_KEEP:
            out.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            return b"".join(out)


# --- GIF ---------------------------------------------------------------------------------------

def _skip_sub_blocks(data: bytes, pos: int) -> int:
    while True:
        _need(data, pos + 1)
        size = data[pos]
        pos += 1
        if size == 0:
            return pos
        pos += size


def _colour_table(flags: int) -> int:
    return 3 * (2 ** ((flags & 7) + 1)) if flags & 0x80 else 0


def _strip_gif(data: bytes) -> bytes:
    _need(data, 13)
    pos = 13 + _colour_table(data[10])
    _need(data, pos)
    out = [data[:pos]]
    while True:
        _need(data, pos + 1)
        introducer = data[pos]
        if introducer == 0x3B:
            out.append(b";")
            return b"".join(out)
        if introducer == 0x21:
            _need(data, pos + 3)
            label = data[pos + 1]
            end = _skip_sub_blocks(data, pos + 2)
            first_block = data[pos + 3 : pos + 3 + data[pos + 2]]
            if label == 0xF9 or (label == 0xFF and first_block in _GIF_LOOP_APPS):
                out.append(data[pos:end])
            pos = end
        elif introducer == 0x2C:
            _need(data, pos + 11)
            start = pos
            pos += 10 + _colour_table(data[pos + 9]) + 1  # descriptor, local table, LZW size
            end = _skip_sub_blocks(data, pos)
            out.append(data[start:end])
            pos = end
        else:
            raise ValueError("bad GIF block")
