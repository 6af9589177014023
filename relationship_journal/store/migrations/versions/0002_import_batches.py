"""Import batches (an import can be undone as a whole) and contact history (values an
import brought that disagreed with the journal, kept rather than lost).

The DDL is frozen here as it was at this revision.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = [
    """CREATE TABLE import_batches (
    id INTEGER NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    sources TEXT NOT NULL,
    summary TEXT NOT NULL,
    undone_at DATETIME,
    PRIMARY KEY (id)
)""",
    """CREATE TABLE import_batch_contacts (
    batch_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    action VARCHAR(10) NOT NULL,
    undo TEXT NOT NULL,
    PRIMARY KEY (batch_id, contact_id),
    CONSTRAINT batch_action_known CHECK (action IN ('created', 'changed')),
    FOREIGN KEY(batch_id) REFERENCES import_batches (id) ON DELETE CASCADE,
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_import_batch_contacts_contact ON import_batch_contacts (contact_id)""",
    """CREATE TABLE contact_history (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    batch_id INTEGER,
    recorded_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    field VARCHAR(60) NOT NULL,
    kept_value TEXT NOT NULL,
    imported_value TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    FOREIGN KEY(batch_id) REFERENCES import_batches (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_contact_history_batch_id ON contact_history (batch_id)""",
    """CREATE INDEX ix_contact_history_contact_id ON contact_history (contact_id)""",
]


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)


def downgrade() -> None:
    for table in ("contact_history", "import_batch_contacts", "import_batches"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
