"""Turning a file's bytes into text, whatever the exporting client chose.

Phones and mail clients write UTF-8 with or without a BOM, UTF-16 (Outlook on
Windows), or Windows-1252 (older Outlook, old phones). Files also mix them: a
vCard collected from several sources can have one card in Latin-1 among UTF-8
ones, so undecodable lines fall back one by one rather than the whole file.
"""

from __future__ import annotations

import codecs

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
