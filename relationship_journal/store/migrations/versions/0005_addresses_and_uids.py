"""Postal addresses (several per person, each labelled) and the contact's own vCard UID.

An address is kept in its parts (street, city, region, postcode, country) so a vCard
ADR or a CSV's address columns come back out as they went in. The UID is the id the
address book that sent the card gave it: kept so a re-import of a changed card finds
its person, and written back on export. Existing journals gain an empty table and an
empty column; nothing else changes. The DDL is frozen here as it was at this revision.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE contact_addresses (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    label VARCHAR(60),
    street TEXT NOT NULL,
    extended TEXT NOT NULL,
    po_box VARCHAR(60) NOT NULL,
    city VARCHAR(200) NOT NULL,
    region VARCHAR(200) NOT NULL,
    postcode VARCHAR(40) NOT NULL,
    country VARCHAR(200) NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    "CREATE INDEX ix_contact_addresses_contact_id ON contact_addresses (contact_id)",
    "ALTER TABLE contacts ADD COLUMN uid VARCHAR(300)",
    "CREATE INDEX ix_contacts_uid ON contacts (uid)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("journals are never migrated down; restore a backup instead")
