"""Who knows whom (relationships between people in the journal) and Today's snoozes and
dismissals (agenda marks), so both are kept in the journal itself.

The DDL is frozen here as it was at this revision.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = [
    """CREATE TABLE relationships (
    id INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    other_id INTEGER NOT NULL,
    kind VARCHAR(20) NOT NULL,
    state VARCHAR(10) NOT NULL,
    created_on DATE NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT relationship_two_people CHECK (person_id <> other_id),
    CONSTRAINT relationship_kind_known CHECK (kind IN ('partner', 'child', 'parent', 'sibling', 'family', """
    """'colleague', 'friend', 'introduced', 'suggested')),
    CONSTRAINT relationship_state_known CHECK (state IN ('confirmed', 'ignored')),
    CONSTRAINT relationship_once UNIQUE (person_id, other_id, kind),
    FOREIGN KEY(person_id) REFERENCES contacts (id) ON DELETE CASCADE,
    FOREIGN KEY(other_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_relationships_other ON relationships (other_id)",
    "CREATE INDEX ix_relationships_person_id ON relationships (person_id)",
    """CREATE TABLE agenda_marks (
    item_key TEXT NOT NULL,
    action VARCHAR(10) NOT NULL,
    until DATE,
    marked_on DATE NOT NULL,
    PRIMARY KEY (item_key),
    CONSTRAINT agenda_action_known CHECK (action IN ('snoozed', 'done'))
)""",
]


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("journals are never migrated down; restore a backup instead")
