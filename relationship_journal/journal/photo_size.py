"""How big the journal keeps a photo, and a photo's size read from its header alone.

An import with thousands of photos that are already avatar-sized need not load an
imaging library at all (Qt costs some 80 MB of memory in the command line): a JPEG,
PNG or GIF says its width and height in its first bytes.
"""

from __future__ import annotations

import struct

PHOTO_SIDE = 256  # pixels: sharp as an avatar and on the printed brief, a few KB in the journal
PHOTO_KEEP_BYTES = (
    48_000  # a photo already this small (and no larger than PHOTO_SIDE) is kept as is
)
# JPEG start-of-frame markers (baseline, progressive, ...), which carry the size.
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a JPEG, PNG or GIF from its header; None for anything else."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA or length < 2:  # image data began with no size said
            return None
        at += 2 + length
    return None


def kept_as_is(data: bytes) -> bool:
    """Whether the journal would keep this photo as it is (small enough in bytes and pixels)."""
    if len(data) > PHOTO_KEEP_BYTES:
        return False
    size = image_size(data)
    return size is not None and 0 < size[0] <= PHOTO_SIDE and 0 < size[1] <= PHOTO_SIDE
