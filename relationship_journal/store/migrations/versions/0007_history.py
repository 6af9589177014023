"""History: the journal's own undo and redo, shared by the window and the command line.

`history` lists the changes a person made, newest last; `history_rows` holds, for each
change, the statements that reverse it row by row (store/change_log.py writes them
through temporary triggers). Kept in the journal so an entry logged on the command
line can be undone in the window, and so undo survives a restart; bounded in size.

The DDL is frozen here as it was at this revision.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = [
    """CREATE TABLE history (
    id INTEGER NOT NULL,
    label TEXT NOT NULL,
    state TEXT NOT NULL,
    capture INTEGER NOT NULL,
    made_at TEXT NOT NULL,
    made_by TEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT history_state CHECK (state IN ('done', 'undone'))
)""",
    """CREATE TABLE history_rows (
    id INTEGER NOT NULL,
    capture INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    contact_id INTEGER,
    other_contact_id INTEGER,
    interaction_id INTEGER,
    statement TEXT NOT NULL,
    PRIMARY KEY (id)
)""",
    "CREATE INDEX history_rows_capture ON history_rows (capture, id)",
]


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS history_rows")
    op.execute("DROP TABLE IF EXISTS history")
