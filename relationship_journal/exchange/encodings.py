"""Turning a file's bytes into text, whatever the exporting client chose.

Phones and mail clients write UTF-8 with or without a BOM, UTF-16 (Outlook on
Windows), or Windows-1252 (older Outlook, old phones). Files also mix them: a
vCard collected from several sources can have one card in Latin-1 among UTF-8
ones, so undecodable lines fall back one by one rather than the whole file.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import BinaryIO

_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zeros = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def decode(data: bytes) -> str:
    """The text of a contacts file, with line ends made `\\n`."""
    if data.startswith(codecs.BOM_UTF8):
        text = "".join(_decode_line(line) for line in data[3:].splitlines(keepends=True))
    else:
        encoding = next((name for bom, name in _UTF16_BOMS if data.startswith(bom)), None)
        if encoding:
            text = data[2:].decode(encoding, errors="replace")
        elif (guess := _looks_utf16(data)) is not None:
            text = data.decode(guess, errors="replace")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = "".join(_decode_line(line) for line in data.splitlines(keepends=True))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(value: bytes, charset: str | None) -> str:
    """A quoted-printable value's bytes, in the CHARSET the card names (UTF-8 if it names none)."""
    if charset:
        try:
            return value.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_line(value)


# A physical line longer than this is cut: nothing the journal keeps is that long, and
# vcard_normalize drops the property it belongs to (a photo written on one line).
MAX_LINE_BYTES = 9_000_000
_CHUNK = 1 << 20


def _physical_lines(handle: BinaryIO) -> Iterator[bytes]:
    """The file's lines (without their ends), never more than MAX_LINE_BYTES of one in memory."""
    while True:
        line = handle.readline(MAX_LINE_BYTES)
        if not line:
            return
        if not line.endswith(b"\n"):
            while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass  # the rest of an overlong line is read past, not kept
        yield line.rstrip(b"\r\n")


def iter_lines(
    handle: BinaryIO, sample: bytes, progress: Callable[[int], None] | None = None
) -> Iterator[str]:
    """`decode` line by line for a large file: the same choices, made from its first bytes.

    `sample` is the file's start (already read for detecting its format); `handle` is
    positioned at 0. `progress(bytes_read)` is called every megabyte or so.
    """
    if sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE) or _looks_utf16(sample):
        yield from _utf16_lines(handle, sample, progress)
        return
    if sample.startswith(codecs.BOM_UTF8):
        handle.read(3)
    reported = 0
    for raw in _physical_lines(handle):
        if progress is not None and handle.tell() - reported >= _CHUNK:
            reported = handle.tell()
            progress(reported)
        if b"\r" in raw:  # an old Mac file: \r alone ends lines
            for piece in raw.split(b"\r"):
                yield _decode_line(piece)
        else:
            yield _decode_line(raw)


def _utf16_lines(
    handle: BinaryIO, sample: bytes, progress: Callable[[int], None] | None
) -> Iterator[str]:
    encoding = next((name for bom, name in _UTF16_BOMS if sample.startswith(bom)), None)
    if encoding is not None:
        handle.read(2)
    else:
        encoding = _looks_utf16(sample) or "utf-16-le"
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending = ""
    while chunk := handle.read(_CHUNK):
        if progress is not None:
            progress(handle.tell())
        pending += decoder.decode(chunk)
        pending = pending.replace("\r\n", "\n").replace("\r", "\n")
        *complete, pending = pending.split("\n")
        yield from complete
        if len(pending) > MAX_LINE_BYTES:
            pending = pending[:MAX_LINE_BYTES]
    pending += decoder.decode(b"", final=True)
    yield from pending.replace("\r\n", "\n").replace("\r", "\n").split("\n")
