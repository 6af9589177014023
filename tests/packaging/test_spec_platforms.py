"""The spec's Windows and macOS branches, run here with PyInstaller's build steps recorded.

Those builds need their own machines; this at least proves each branch runs and
hands PyInstaller the icon, version resource, bundle id and document types it needs.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from relationship_journal import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "relationship-journal.spec"


class Step:
    """Stands in for Analysis, PYZ, EXE, COLLECT and BUNDLE: keeps what it was given."""

    made: list[Step] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.kind = type(self).__name__
        self.args, self.kwargs = args, kwargs
        self.binaries: list[tuple[str, str, str]] = [
            ("PySide6/Qt/lib/libQt6Quick.so.6", "/x", "BINARY"),
            ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x", "BINARY"),
        ]
        self.datas: list[tuple[str, str, str]] = [
            ("relationship_journal/store/migrations/env.py", "/x", "DATA"),
            ("relationship_journal/store/migrations/__pycache__/env.cpython-311.pyc", "/x", "DATA"),
        ]
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        Step.made.append(self)


def run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Step]]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, **_: [package]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    Step.made = []
    names = {name: type(name, (Step,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), {"SPECPATH": str(SPEC.parent), **names})
    steps: dict[str, list[Step]] = {}
    for step in Step.made:
        steps.setdefault(step.kind, []).append(step)
    return steps


def test_linux_gets_one_windowed_program_never_stripped(monkeypatch: pytest.MonkeyPatch) -> None:
    steps = run_spec("linux", monkeypatch)
    [program] = steps["EXE"]
    assert program.kwargs["name"] == "relationship-journal"
    assert program.kwargs["console"] is False
    assert program.kwargs["strip"] is False and steps["COLLECT"][0].kwargs["strip"] is False
    assert "BUNDLE" not in steps
    [analysis] = steps["Analysis"]
    assert [entry[0] for entry in analysis.binaries] == ["PySide6/Qt/lib/libQt6Widgets.so.6"]
    assert [entry[0] for entry in analysis.datas] == ["relationship_journal/store/migrations/env.py"]
    assert "PySide6.QtQuick" in analysis.kwargs["excludes"]


def test_windows_gets_the_ico_the_version_resource_and_a_console_twin(monkeypatch: pytest.MonkeyPatch) -> None:
    steps = run_spec("win32", monkeypatch)
    windowed, console = steps["EXE"]
    assert (windowed.kwargs["name"], windowed.kwargs["console"]) == ("relationship-journal", False)
    assert (console.kwargs["name"], console.kwargs["console"]) == ("relationship-journal-cli", True)
    for program in (windowed, console):
        assert program.kwargs["icon"].endswith(".ico") and Path(program.kwargs["icon"]).exists()
        assert program.kwargs["version"].endswith("windows-version-info.txt")
    assert steps["COLLECT"][0].args[:2] == (windowed, console)


def test_windows_version_resource_carries_the_package_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loader = importlib.util.spec_from_file_location("rj_packaging_build", ROOT / "packaging" / "build.py")
    assert loader is not None and loader.loader is not None
    build = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(build)
    monkeypatch.setattr(build, "ROOT", tmp_path)
    text = build.windows_version_info().read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"StringStruct('ProductName', '{APP_NAME}')" in text
    numbers = tuple(int(part) for part in __version__.split(".")[:3]) + (0,)
    assert f"filevers={numbers}" in text


def test_macos_gets_an_app_bundle_that_opens_vcards(monkeypatch: pytest.MonkeyPatch) -> None:
    steps = run_spec("darwin", monkeypatch)
    [bundle] = steps["BUNDLE"]
    assert bundle.kwargs["name"] == f"{APP_NAME}.app"
    assert bundle.kwargs["bundle_identifier"] == APP_ID
    assert bundle.kwargs["icon"].endswith(".icns") and Path(bundle.kwargs["icon"]).exists()
    plist = bundle.kwargs["info_plist"]
    assert plist["CFBundleShortVersionString"] == __version__
    [vcard] = plist["CFBundleDocumentTypes"]
    assert "public.vcard" in vcard["LSItemContentTypes"] and "vcf" in vcard["CFBundleTypeExtensions"]
