"""Reading a clean card line by line gives what vobject's readOne gives for the whole card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vobject

from relationship_journal.exchange import vcard_normalize, vcard_read
from relationship_journal.exchange.encodings import decode

CORPUS = Path(__file__).with_name("corpus")
# What real clients write, and the odd lines the cleaning step has to make readable.
ODD_CARDS = """BEGIN:VCARD
VERSION:2.1
N;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;
FN:J\\;rgen M, the second
ORG:Acme, Inc;Dept
TEL;WORK;VOICE:+49 30 1234567
EMAIL;INTERNET;PREF:j@example.org
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ann Lee
N:Lee;Ann;;Dr;
NOTE:line one\\nline two\\, with a comma
CATEGORIES:friends,work\\,life
item1.URL:https\\://example.org/a,b
item1.X-ABLabel:_$!<HomePage>!$_
ADR;TYPE=home:;;1 Quay\\nFlat 2;Bristol;;BS1;UK
BDAY:--0229
RELATED;TYPE=friend;VALUE=text:Bo
UID:urn:uuid:1
END:VCARD
"""


def _as_read(lines: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Each property's lines in card order, with everything read from them."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    for line in lines:
        if line.name != "VERSION":
            value = sorted(vars(line.value).items()) if hasattr(line.value, "__dict__") else line.value
            found.setdefault(line.name, []).append(
                (line.group, sorted(line.params.items()), line.singletonparams, repr(value), line.behavior)
            )
    return found


def _texts() -> list[str]:
    return [decode(path.read_bytes()) for path in sorted(CORPUS.glob("*.vcf"))] + [ODD_CARDS]


@pytest.mark.parametrize("text", _texts())
def test_a_card_read_line_by_line_equals_vobjects_own_reading(text: str) -> None:
    remembered = vcard_read.content_lines()
    for raw in vcard_normalize.split_cards(text):
        try:
            clean = vcard_normalize.clean(raw)
        except vcard_normalize.CardError:
            continue
        whole = _as_read(vobject.readOne(clean.text, ignoreUnreadable=True).getChildren())
        assert _as_read(vcard_read.parse_card(clean)) == whole
        assert _as_read(vcard_read.parse_card(clean, remembered)) == whole
        assert _as_read(vcard_read.parse_card(clean, remembered)) == whole  # read again, remembered
