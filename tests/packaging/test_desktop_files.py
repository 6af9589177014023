"""The menu entry, AppStream data and icons say the same thing the package says."""

from __future__ import annotations

import configparser
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from relationship_journal import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "app-icon"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in .desktop files
    parser.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_starts_the_app_with_its_name_and_icon() -> None:
    entry = desktop_entry()
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == "relationship-journal"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_a_double_clicked_vcard_is_handed_to_the_app() -> None:
    entry = desktop_entry()
    assert {"text/vcard", "text/x-vcard"} <= set(filter(None, entry["MimeType"].split(";")))
    assert "%F" in entry["Exec"].split() or "%f" in entry["Exec"].split()


def test_appstream_data_names_this_app_and_this_release() -> None:
    component = ElementTree.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    assert component.find("launchable").text == f"{APP_ID}.desktop"
    releases = [release.get("version") for release in component.iter("release")]
    assert releases[0] == __version__, "the newest <release> must be this version"


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_every_icon_size_is_rendered_at_its_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert png_size(ICONS / f"relationship-journal-{size}.png") == (size, size)


def test_the_windows_and_macos_icons_hold_the_sizes_their_systems_ask_for() -> None:
    ico = (ICONS / "relationship-journal.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    edges = {ico[6 + 16 * index] or 256 for index in range(count)}
    assert {16, 32, 48, 256} <= edges

    icns = (ICONS / "relationship-journal.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, offset = set(), 8
    while offset < len(icns):
        kinds.add(icns[offset : offset + 4])
        offset += struct.unpack(">I", icns[offset + 4 : offset + 8])[0]
    assert {b"icp4", b"ic07", b"ic08", b"ic09"} <= kinds
