"""Build Relationship Journal for the platform this runs on, into dist/.

    python packaging/build.py            # bundle + this platform's packages
    python packaging/build.py --bundle-only

Every platform gets the one-folder PyInstaller bundle (dist/relationship-journal/).
Then, per platform:
- Linux: a .tar.gz with install.sh (a menu entry for the current user, no root) and a
  .deb that installs to /opt/relationship-journal with /usr/bin/relationship-journal,
  the menu entry and the icons.
- Windows: the bundle with relationship-journal.exe (windowed) and
  relationship-journal-cli.exe (console), zipped.
- macOS: "Relationship Journal.app", as a compressed .dmg when hdiutil is there.

The app's id, name and version come from the package; nothing is retyped.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from icons import PNG_SIZES, SVG, ensure_icons, png_path  # noqa: E402

from relationship_journal import APP_ID, APP_NAME, __version__  # noqa: E402

PACKAGE = "relationship-journal"
SPEC = ROOT / "packaging" / "relationship-journal.spec"
LINUX_TEMPLATES = ROOT / "packaging" / "linux"
DIST = ROOT / "dist"
WORK = ROOT / "build"
DESKTOP_FILE = ROOT / "resources" / f"{APP_ID}.desktop"
METAINFO_FILE = ROOT / "resources" / f"{APP_ID}.metainfo.xml"
# Shared libraries the bundle does not carry (see packaging/README.md, platform-notes);
# the Wayland plugin also needs libwayland-cursor0 and libwayland-egl1.
DEB_DEPENDS = (
    "libgl1, libegl1, libxcb1, libdrm2, libwayland-client0, libwayland-cursor0, libwayland-egl1, "
    "fontconfig, fonts-dejavu-core, fonts-noto-cjk, fonts-lohit-deva"
)


def say(message: str) -> None:
    print(f"build: {message}", flush=True)


def fail(message: str) -> None:
    raise SystemExit(f"build: {message}")


def check_sources() -> None:
    """Fail early on what would otherwise ship wrong: a stale metainfo, a missing file."""
    for required in (SPEC, SVG, DESKTOP_FILE, METAINFO_FILE):
        if not required.exists():
            fail(f"missing {required.relative_to(ROOT)}")
    releases = re.findall(r'<release\s+version="([^"]+)"', METAINFO_FILE.read_text(encoding="utf-8"))
    if __version__ not in releases:
        fail(
            f"{METAINFO_FILE.relative_to(ROOT)} has no <release version=\"{__version__}\">: "
            "add the release (newest first) before building"
        )


def windows_version_info() -> Path:
    """The VERSIONINFO resource PyInstaller embeds in the .exe (Properties > Details)."""
    numbers = [int(part) for part in re.findall(r"\d+", __version__)[:4]]
    numbers += [0] * (4 - len(numbers))
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(numbers)}, prodvers={tuple(numbers)},
    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', '{APP_NAME}'),
      StringStruct('FileDescription', '{APP_NAME}'),
      StringStruct('FileVersion', '{__version__}'),
      StringStruct('InternalName', '{PACKAGE}'),
      StringStruct('OriginalFilename', '{PACKAGE}.exe'),
      StringStruct('ProductName', '{APP_NAME}'),
      StringStruct('ProductVersion', '{__version__}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    # The spec reads it from here, whatever --work-dir says.
    (ROOT / "build").mkdir(exist_ok=True)
    path = ROOT / "build" / "windows-version-info.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run_pyinstaller(clean: bool) -> Path:
    """Build the one-folder bundle; return its folder (or the .app on macOS)."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK / "pyinstaller"),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    try:
        subprocess.run(command, cwd=ROOT, check=True)
    except FileNotFoundError:
        fail("Python was not found to run PyInstaller")
    except subprocess.CalledProcessError as error:
        fail(f"PyInstaller failed (exit {error.returncode}); its messages are above")
    if sys.platform == "darwin":
        return DIST / f"{APP_NAME}.app"
    return DIST / PACKAGE


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


# ---------------------------------------------------------------- Linux packages


def machine() -> str:
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(debian_architecture(), os.uname().machine)


def debian_architecture() -> str:
    try:
        found = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
        return found.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def debian_version() -> str:
    """PEP 440 to Debian: a pre-release sorts before the release with '~'."""
    return re.sub(r"(\d)(a|b|rc|\.dev)", r"\1~\2", __version__)


def fill(template: Path, **values: str) -> str:
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    leftover = re.findall(r"@[A-Z_]+@", text)
    if leftover:
        fail(f"{template.name}: no value for {', '.join(sorted(set(leftover)))}")
    return text


def link_or_copy_tree(source: Path, target: Path) -> None:
    """Hard links when on one file system (fast, no extra space), copies otherwise."""

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link)


def write_text(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def place_desktop_integration(share: Path, exec_path: str) -> None:
    """The menu entry, icons and metainfo under a `share/` folder (XDG layout)."""
    desktop = DESKTOP_FILE.read_text(encoding="utf-8")
    if exec_path != PACKAGE:
        desktop = re.sub(r"^Exec=\S+", f"Exec={exec_path}", desktop, flags=re.M)
        desktop = re.sub(r"^TryExec=\S+", f"TryExec={exec_path}", desktop, flags=re.M)
    write_text(share / "applications" / f"{APP_ID}.desktop", desktop)
    for size in PNG_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png_path(size), target)
        target.chmod(0o644)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    scalable.chmod(0o644)
    write_text(share / "metainfo" / f"{APP_ID}.metainfo.xml", METAINFO_FILE.read_text(encoding="utf-8"))


def normalise_modes(root: Path) -> None:
    """Folders 0755, files 0644, executables 0755: what a system package expects."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def build_tarball(bundle: Path) -> Path:
    """A .tar.gz: the bundle, the desktop files and install.sh (per-user, no root)."""
    name = f"{PACKAGE}-{__version__}-linux-{machine()}"
    stage = WORK / "tarball" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    stage.parent.mkdir(parents=True)
    link_or_copy_tree(bundle, stage / "app")
    # install.sh rewrites Exec= to the installed path; the copy here keeps the plain name.
    place_desktop_integration(stage / "share", PACKAGE)
    values = {"APP_ID": APP_ID, "APP_NAME": APP_NAME, "VERSION": __version__, "PACKAGE": PACKAGE}
    write_text(stage / "install.sh", fill(LINUX_TEMPLATES / "install.sh.in", **values), 0o755)
    write_text(stage / "README.txt", fill(LINUX_TEMPLATES / "README.txt.in", **values))
    normalise_modes(stage)
    archive = DIST / f"{name}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=name, filter=owned_by_root)
    return archive


def build_deb(bundle: Path) -> Path:
    """A .deb: /opt/relationship-journal, /usr/bin link, menu entry, icons, metainfo."""
    if shutil.which("dpkg-deb") is None:
        fail("dpkg-deb is needed for the .deb (apt-get install dpkg)")
    root = WORK / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    link_or_copy_tree(bundle, root / "opt" / PACKAGE)
    place_desktop_integration(root / "usr" / "share", PACKAGE)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{PACKAGE}/{PACKAGE}", root / "usr" / "bin" / PACKAGE)
    installed_kb = (folder_size(root) + 1023) // 1024
    control = fill(
        LINUX_TEMPLATES / "control.in",
        PACKAGE=PACKAGE,
        VERSION=debian_version(),
        ARCH=debian_architecture(),
        DEPENDS=DEB_DEPENDS,
        INSTALLED_SIZE=str(installed_kb),
    )
    write_text(root / "DEBIAN" / "control", control)
    normalise_modes(root)
    archive = DIST / f"{PACKAGE}_{debian_version()}_{debian_architecture()}.deb"
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", "-Zzstd", str(root), str(archive)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return archive


# ---------------------------------------------------------------- Windows, macOS


def build_windows_zip(bundle: Path) -> Path:
    base = DIST / f"{PACKAGE}-{__version__}-windows-{os.environ.get('PROCESSOR_ARCHITECTURE', 'x64').lower()}"
    return Path(shutil.make_archive(str(base), "zip", root_dir=bundle.parent, base_dir=bundle.name))


def build_macos_dmg(app: Path) -> Path | None:
    if shutil.which("hdiutil") is None:
        say("hdiutil not found: the .app is built, no .dmg")
        return None
    dmg = DIST / f"{PACKAGE}-{__version__}-macos.dmg"
    dmg.unlink(missing_ok=True)
    subprocess.run(
        ["hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(app), "-ov", "-format", "UDZO", str(dmg)],
        check=True,
    )
    return dmg


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    global DIST, WORK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true", help="skip the platform's packages")
    parser.add_argument("--clean", action="store_true", help="rebuild without PyInstaller's cache")
    parser.add_argument("--dist-dir", type=Path, default=DIST, help="where the results go (default: dist/)")
    parser.add_argument("--work-dir", type=Path, default=WORK, help="scratch space (default: build/)")
    args = parser.parse_args(argv)
    DIST, WORK = args.dist_dir.resolve(), args.work_dir.resolve()

    started = time.perf_counter()
    check_sources()
    ensure_icons()
    if sys.platform == "win32":
        windows_version_info()
    bundle = run_pyinstaller(args.clean)
    if not bundle.exists():
        fail(f"PyInstaller finished but {bundle} is missing")
    bundle_seconds = time.perf_counter() - started
    say(f"bundle {shown(bundle)}: {folder_size(bundle) / 1e6:.0f} MB in {bundle_seconds:.0f} s")

    if not args.bundle_only:
        made: list[Path | None] = []
        if sys.platform.startswith("linux"):
            made = [build_tarball(bundle), build_deb(bundle)]
        elif sys.platform == "win32":
            made = [build_windows_zip(bundle)]
        elif sys.platform == "darwin":
            made = [build_macos_dmg(bundle)]
        for package in made:
            if package is not None:
                say(f"package {shown(package)}: {package.stat().st_size / 1e6:.0f} MB")
    say(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
