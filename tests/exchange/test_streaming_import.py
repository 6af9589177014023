"""A large contacts file is read card by card as it streams past: the same people as
reading it whole, a progress report on the way, and a giant photo dropped, not held."""

from __future__ import annotations

import base64
import tracemalloc
from pathlib import Path

import pytest

from relationship_journal.exchange import plan as planning
from relationship_journal.exchange import vcard_normalize
from relationship_journal.exchange.records import NotAContactFile

CORPUS = Path(__file__).with_name("corpus")


def _summary(parsed: object) -> tuple[list[object], list[object]]:
    return (
        [(p.position, p.fields, p.source_id) for p in parsed.people],  # type: ignore[attr-defined]
        [(s.position, s.reason) for s in parsed.skipped],  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize(
    "name", sorted(p.name for p in CORPUS.iterdir() if p.suffix in {".vcf", ".csv", ".bin", ".txt"})
)
def test_streaming_reads_every_corpus_file_as_reading_it_whole(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = CORPUS / name
    try:
        whole = _summary(planning.read_file(path))
    except NotAContactFile as error:
        monkeypatch.setattr(planning, "STREAM_FROM_BYTES", -1)
        with pytest.raises(NotAContactFile) as streamed:
            planning.read_file(path)
        assert str(streamed.value) == str(error)
        return
    monkeypatch.setattr(planning, "STREAM_FROM_BYTES", -1)
    assert _summary(planning.read_file(path)) == whole


def _card_with_photo(path: Path, photo_bytes: int, cards_after: int = 3) -> None:
    photo = base64.b64encode(b"\xff\xd8\xff\xe0" + b"\x01" * (photo_bytes - 4)).decode()
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Paula Photo\r\nN:Photo;Paula;;;\r\n")
        handle.write("PHOTO;ENCODING=b;TYPE=JPEG:" + photo[:60])
        for start in range(60, len(photo), 74):
            handle.write("\r\n " + photo[start : start + 74])
        handle.write("\r\nEMAIL:paula@example.org\r\nNOTE:after the photo\r\nEND:VCARD\r\n")
        for n in range(cards_after):
            handle.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nEND:VCARD\r\n")


def test_a_giant_photo_is_dropped_as_it_streams_and_the_card_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big-photo.vcf"
    _card_with_photo(big, 24_000_000)  # 32 MB of base64 in one card
    seen: list[tuple[int, int]] = []
    tracemalloc.start()
    try:
        parsed = planning.read_file(big, progress=lambda done, total: seen.append((done, total)))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 30_000_000  # the card's cap (8 MB of text) and a line or two, never the file
    names = [p.fields.display_name for p in parsed.people]
    assert names == ["Paula Photo", "Person 0", "Person 1", "Person 2"]
    paula = parsed.people[0].fields
    assert paula.photo is None and paula.notes == "after the photo"
    assert [e.value for e in paula.emails] == ["paula@example.org"]
    size = big.stat().st_size
    assert seen[-1] == (size, size) and len(seen) > 10
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_the_dropped_photo_is_said_against_its_card() -> None:
    lines = ["BEGIN:VCARD", "FN:Paula", "PHOTO;ENCODING=b:" + "A" * 50]
    lines += [" " + "A" * 74] * (vcard_normalize.MAX_CARD_CHARS // 74 + 10)
    lines += ["EMAIL:paula@example.org", "END:VCARD"]
    (card,) = vcard_normalize.split_cards(iter(lines))
    assert card.oversized == "PHOTO"
    assert sum(len(line) for line in card.lines) < 100
    clean = vcard_normalize.clean(card)
    assert "EMAIL" in clean.text and clean.photo is None
    assert any("photo is larger than" in note for note in clean.notes)
