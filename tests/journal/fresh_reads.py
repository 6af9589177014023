"""Reading a journal in a fresh interpreter, to see which modules the reads load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_ORM_LOADED = (
    "import sys\n"
    "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
    "                       or m == 'relationship_journal.store.models')[:5])\n"
)


def read_fresh(folder: Path, reads: str) -> str:
    """Run `reads` (Python, indented four spaces, with `journal` open on `folder`) in a
    fresh interpreter; what it printed, then a line 'LOADED [...]' naming the SQLAlchemy
    and ORM modules it loaded. The environment carries the test's own folders (conftest)."""
    probe = (
        "from relationship_journal.journal.core import Journal\n"
        f"with Journal.open({str(folder)!r}) as journal:\n{reads}" + _ORM_LOADED
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout
