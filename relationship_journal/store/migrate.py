"""Schema migrations with Alembic, shipped inside the package.

Alembic is slow to import, so it is loaded only when the journal's revision is not
the one this version of the app expects.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Leave the FTS5 virtual tables (and their shadow tables) out of autogenerate."""
    return not (type_ == "table" and name is not None and "_fts" in name)


def _config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, target: str = "head") -> None:
    """Bring the schema on `connection` up to `target` inside its transaction."""
    from alembic import command

    command.upgrade(_config(connection), target)


def known_revisions() -> list[str]:
    """Every revision this app ships, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head

