"""The first schema: contacts and their depth profile, interactions, the ledger, and the
full-text index (FTS5 over names, profile text and notes, kept in step by triggers;
`remove_diacritics 2` lets "Zoe" find "Zoë").

The DDL is frozen here as it was at this revision, so later model changes never
change what this migration creates.

Revision ID: 0001
Revises:
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES = [
    """CREATE TABLE contacts (
    id INTEGER NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    search_name VARCHAR(200) NOT NULL,
    given_name VARCHAR(100),
    family_name VARCHAR(100),
    nickname VARCHAR(100),
    organisation VARCHAR(200),
    role VARCHAR(200),
    birthday_year INTEGER,
    birthday_month INTEGER,
    birthday_day INTEGER,
    how_met TEXT,
    where_met TEXT,
    met_on DATE,
    interests TEXT,
    goals TEXT,
    family TEXT,
    can_do_for_them TEXT,
    communities TEXT,
    notes TEXT,
    calibre INTEGER,
    circle INTEGER NOT NULL,
    cadence_days INTEGER,
    kin BOOLEAN NOT NULL,
    photo BLOB,
    photo_url TEXT,
    archived BOOLEAN NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT circle_is_a_layer CHECK (circle IN (5, 15, 50, 150, 500)),
    CONSTRAINT calibre_range CHECK (calibre IS NULL OR calibre BETWEEN 1 AND 5),
    CONSTRAINT cadence_positive CHECK (cadence_days IS NULL OR cadence_days > 0)
)""",
    """CREATE INDEX ix_contacts_search_name ON contacts (search_name)""",
    """CREATE TABLE interactions (
    id INTEGER NOT NULL,
    date DATE NOT NULL,
    kind VARCHAR(20) NOT NULL,
    channel VARCHAR(20),
    minutes INTEGER,
    initiated_by VARCHAR(10) NOT NULL,
    depth INTEGER NOT NULL,
    people_present INTEGER,
    note TEXT NOT NULL,
    location TEXT,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT depth_range CHECK (depth BETWEEN 1 AND 5),
    CONSTRAINT minutes_nonnegative CHECK (minutes IS NULL OR minutes >= 0),
    CONSTRAINT initiated_by_known CHECK (initiated_by IN ('me', 'them', 'mutual', 'unknown')),
    CONSTRAINT people_present_min CHECK (people_present IS NULL OR people_present >= 2)
)""",
    """CREATE INDEX ix_interactions_date ON interactions (date)""",
    """CREATE TABLE tags (
    id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (name)
)""",
    """CREATE TABLE asks (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    what TEXT NOT NULL,
    size INTEGER NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    date DATE NOT NULL,
    resolved_on DATE,
    interaction_id INTEGER,
    PRIMARY KEY (id),
    CONSTRAINT ask_size_range CHECK (size BETWEEN 1 AND 3),
    CONSTRAINT outcome_known CHECK (outcome IN ('open', 'helped', 'declined', 'ignored')),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    FOREIGN KEY(interaction_id) REFERENCES interactions (id) ON DELETE SET NULL
)""",
    """CREATE INDEX ix_asks_contact_id ON asks (contact_id)""",
    """CREATE TABLE commitments (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    owner VARCHAR(10) NOT NULL,
    text TEXT NOT NULL,
    created_on DATE NOT NULL,
    due_date DATE,
    done_date DATE,
    interaction_id INTEGER,
    PRIMARY KEY (id),
    CONSTRAINT owner_known CHECK (owner IN ('mine', 'theirs')),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    FOREIGN KEY(interaction_id) REFERENCES interactions (id) ON DELETE SET NULL
)""",
    """CREATE INDEX ix_commitments_contact_id ON commitments (contact_id)""",
    """CREATE TABLE contact_emails (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    address VARCHAR(320) NOT NULL,
    label VARCHAR(60),
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_contact_emails_contact_id ON contact_emails (contact_id)""",
    """CREATE INDEX ix_contact_emails_address ON contact_emails (address)""",
    """CREATE TABLE contact_phones (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    number VARCHAR(60) NOT NULL,
    normalized VARCHAR(60) NOT NULL,
    label VARCHAR(60),
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_contact_phones_contact_id ON contact_phones (contact_id)""",
    """CREATE INDEX ix_contact_phones_normalized ON contact_phones (normalized)""",
    """CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL,
    PRIMARY KEY (contact_id, tag_id),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    FOREIGN KEY(tag_id) REFERENCES tags (id) ON DELETE CASCADE
)""",
    """CREATE TABLE contact_urls (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    label VARCHAR(100),
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_contact_urls_contact_id ON contact_urls (contact_id)""",
    """CREATE TABLE favours (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    direction VARCHAR(10) NOT NULL,
    size INTEGER NOT NULL,
    what TEXT NOT NULL,
    date DATE NOT NULL,
    interaction_id INTEGER,
    PRIMARY KEY (id),
    CONSTRAINT direction_known CHECK (direction IN ('given', 'received')),
    CONSTRAINT size_range CHECK (size BETWEEN 0 AND 3),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    FOREIGN KEY(interaction_id) REFERENCES interactions (id) ON DELETE SET NULL
)""",
    """CREATE INDEX ix_favours_contact_id ON favours (contact_id)""",
    """CREATE TABLE important_dates (
    id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    label VARCHAR(200) NOT NULL,
    month INTEGER NOT NULL,
    day INTEGER NOT NULL,
    year INTEGER,
    PRIMARY KEY (id),
    CONSTRAINT month_range CHECK (month BETWEEN 1 AND 12),
    CONSTRAINT day_range CHECK (day BETWEEN 1 AND 31),
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_important_dates_contact_id ON important_dates (contact_id)""",
    """CREATE TABLE interaction_contacts (
    interaction_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (interaction_id, contact_id),
    FOREIGN KEY(interaction_id) REFERENCES interactions (id) ON DELETE CASCADE,
    FOREIGN KEY(contact_id) REFERENCES contacts (id) ON DELETE CASCADE
)""",
    """CREATE INDEX ix_interaction_contacts_contact ON interaction_contacts (contact_id, interaction_id)""",
]


FULL_TEXT = [
    """CREATE VIRTUAL TABLE contact_fts USING fts5(name, organisation, profile, tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE VIRTUAL TABLE interaction_fts USING fts5(note, location, tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contact_fts(rowid, name, organisation, profile)
        VALUES (new.id, new.display_name, coalesce(new.organisation, ''), coalesce(new.nickname, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.interests, '') || ' ' || coalesce(new.goals, '') || ' ' || coalesce(new.how_met, '') || ' ' || coalesce(new.where_met, '') || ' ' || coalesce(new.family, '') || ' ' || coalesce(new.can_do_for_them, '') || ' ' || coalesce(new.communities, '') || ' ' || coalesce(new.notes, ''));
    END""",
    """CREATE TRIGGER contacts_fts_update AFTER UPDATE ON contacts BEGIN
        DELETE FROM contact_fts WHERE rowid = old.id;
        INSERT INTO contact_fts(rowid, name, organisation, profile)
        VALUES (new.id, new.display_name, coalesce(new.organisation, ''), coalesce(new.nickname, '') || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.interests, '') || ' ' || coalesce(new.goals, '') || ' ' || coalesce(new.how_met, '') || ' ' || coalesce(new.where_met, '') || ' ' || coalesce(new.family, '') || ' ' || coalesce(new.can_do_for_them, '') || ' ' || coalesce(new.communities, '') || ' ' || coalesce(new.notes, ''));
    END""",
    """CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM contact_fts WHERE rowid = old.id;
    END""",
    """CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
        INSERT INTO interaction_fts(rowid, note, location)
        VALUES (new.id, new.note, coalesce(new.location, ''));
    END""",
    """CREATE TRIGGER interactions_fts_update AFTER UPDATE OF note, location ON interactions BEGIN
        DELETE FROM interaction_fts WHERE rowid = old.id;
        INSERT INTO interaction_fts(rowid, note, location)
        VALUES (new.id, new.note, coalesce(new.location, ''));
    END""",
    """CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
        DELETE FROM interaction_fts WHERE rowid = old.id;
    END""",
]

DROP_FULL_TEXT = [
    "DROP TRIGGER IF EXISTS interactions_fts_delete",
    "DROP TRIGGER IF EXISTS interactions_fts_update",
    "DROP TRIGGER IF EXISTS interactions_fts_insert",
    "DROP TRIGGER IF EXISTS contacts_fts_delete",
    "DROP TRIGGER IF EXISTS contacts_fts_update",
    "DROP TRIGGER IF EXISTS contacts_fts_insert",
    "DROP TABLE IF EXISTS interaction_fts",
    "DROP TABLE IF EXISTS contact_fts",
]


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)
    for statement in FULL_TEXT:
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP_FULL_TEXT:
        op.execute(statement)
    for table in ['interaction_contacts', 'important_dates', 'favours', 'contact_urls', 'contact_tags', 'contact_phones', 'contact_emails', 'commitments', 'asks', 'tags', 'interactions', 'contacts']:
        op.execute(f"DROP TABLE IF EXISTS {table}")
