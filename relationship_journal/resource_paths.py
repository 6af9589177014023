"""Where the app's icons, styles and desktop files are, however it was installed.

From a source checkout (or an editable install) they are the top-level `resources/`
folder; a wheel installs them under `<prefix>/share/relationship-journal/`; a frozen
bundle carries them in `<bundle>/resources`.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARE_NAME = "relationship-journal"


def resources_dir() -> Path:
    """The first folder that holds the app's icons; the source tree's when none does."""
    source = Path(__file__).resolve().parents[1] / "resources"
    candidates = [source]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    candidates.append(Path(sys.prefix) / "share" / SHARE_NAME)
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    return source
