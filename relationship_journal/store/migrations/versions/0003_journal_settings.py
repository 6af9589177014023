"""Journal settings: a small key/value table for choices that change the journal's figures
(the default keep-in-touch cadence per circle), so the window, the reports and the
command line all read them from the journal itself.

The DDL is frozen here as it was at this revision.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = [
    """CREATE TABLE journal_settings (
    "key" TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
)""",
]


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS journal_settings")
