"""Whatever encoding and line ends a client chose, the same names come out."""

from __future__ import annotations

import pytest

from relationship_journal.exchange.plan import read_bytes

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ångström-Łukasiewicz 山田\r\nEND:VCARD\r\n"


@pytest.mark.parametrize(
    "data",
    [
        CARD.encode("utf-8"),
        b"\xef\xbb\xbf" + CARD.encode("utf-8"),
        CARD.encode("utf-16"),  # with a BOM
        CARD.encode("utf-16-le"),  # without one
        CARD.encode("utf-16-be"),
        CARD.replace("\r\n", "\n").encode("utf-8"),
        CARD.replace("\r\n", "\r").encode("utf-8"),  # classic Mac OS line ends
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "lf", "cr"],
)
def test_every_encoding_gives_the_same_name(data: bytes) -> None:
    (person,) = read_bytes(data, "card.vcf").people
    assert person.fields.display_name == "Zoë Ångström-Łukasiewicz 山田"


def test_a_windows_1252_card_among_utf8_ones_keeps_both() -> None:
    data = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Renée Lefèvre\nEND:VCARD\n".encode("cp1252")
        + "BEGIN:VCARD\nVERSION:3.0\nFN:Łukasz Wiśniewski\nEND:VCARD\n".encode()
    )
    names = [p.fields.display_name for p in read_bytes(data, "mixed.vcf").people]
    assert names == ["Renée Lefèvre", "Łukasz Wiśniewski"]
