"""A journal in a read-only folder, or on a full disk, can still be got out: list, search,
export and a backup elsewhere work; a change is refused with one line.

A read-only folder is made with a read-only bind mount (as root, where chmod does not
bind) or chmod (as anyone else); a full disk with a small tmpfs filled up. Where the
machine allows neither (root without mount rights), the test is skipped.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from relationship_journal import cli


def _rj(data: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(data), *args])


def _fill(data: Path) -> None:
    assert _rj(data, "add", "Ann Lee") == 0
    assert _rj(data, "log", "Ann", "--kind", "call", "--note", "tulips by the door") == 0


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def _read_only(folder: Path, mount_point: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    mount_point.mkdir()
    if not (_mount("--bind", str(folder), str(mount_point))):
        pytest.skip("this machine allows no bind mount")
    try:
        if not _mount("-o", "remount,ro,bind", str(mount_point)):
            pytest.skip("this machine allows no read-only remount")
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def _can_read_everything(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert _rj(data, "list") == 0
    assert "Ann Lee" in capsys.readouterr().out
    assert _rj(data, "search", "tulips") == 0
    assert "tulips by the door" in capsys.readouterr().out
    assert _rj(data, "export", "csv", str(tmp_path / "out.csv")) == 0
    assert "Ann Lee" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert _rj(data, "backup", str(tmp_path / "elsewhere.sqlite3")) == 0
    assert (tmp_path / "elsewhere.sqlite3").stat().st_size > 0
    capsys.readouterr()
    assert _rj(data, "add", "Not Written") == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nothing was changed" in err


def test_a_read_only_folder_can_still_be_read_and_exported(
    private_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(private_folders)
    with _read_only(private_folders, tmp_path / "mounted") as data:
        _can_read_everything(data, tmp_path, capsys)


def test_a_full_disk_can_still_be_read_and_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a full disk needs a tmpfs mount")
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)):
        pytest.skip("this machine allows no tmpfs mount")
    try:
        data = disk / "data"
        _fill(data)
        with (disk / "filler").open("wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError:
                pass  # the disk is full
        _can_read_everything(data, tmp_path, capsys)
    finally:
        subprocess.run(["umount", str(disk)], check=True)
