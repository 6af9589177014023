"""Letters with no accent to strip (ø, ł, æ, ß, …) fold to plain Latin, so "Lukasz" finds
"Łukasz" by name, in `log NAME` and in search.

Contacts' `search_name` is recomputed with the new folding, and the people index gains a
`folded` column holding it (kept in step by the triggers). The folding rule is frozen
here as it was at this revision.

Revision ID: 0004
Revises: 0003
"""

import re
import unicodedata

from alembic import op
from sqlalchemy import text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_NO_DECOMPOSITION = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
     "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D"}
)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.translate(_NO_DECOMPOSITION))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


PROFILE = (
    "coalesce({p}.nickname, '') || ' ' || coalesce({p}.role, '') || ' ' || "
    "coalesce({p}.interests, '') || ' ' || coalesce({p}.goals, '') || ' ' || "
    "coalesce({p}.how_met, '') || ' ' || coalesce({p}.where_met, '') || ' ' || "
    "coalesce({p}.family, '') || ' ' || coalesce({p}.can_do_for_them, '') || ' ' || "
    "coalesce({p}.communities, '') || ' ' || coalesce({p}.notes, '')"
)

DROP_PEOPLE_INDEX = [
    "DROP TRIGGER IF EXISTS contacts_fts_insert",
    "DROP TRIGGER IF EXISTS contacts_fts_update",
    "DROP TRIGGER IF EXISTS contacts_fts_delete",
    "DROP TABLE IF EXISTS contact_fts",
]

PEOPLE_INDEX = [
    "CREATE VIRTUAL TABLE contact_fts USING fts5("
    "name, folded, organisation, profile, tokenize = 'unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contact_fts(rowid, name, folded, organisation, profile)
        VALUES (new.id, new.display_name, new.search_name, coalesce(new.organisation, ''),
                {PROFILE.format(p="new")});
    END""",
    f"""CREATE TRIGGER contacts_fts_update AFTER UPDATE ON contacts BEGIN
        DELETE FROM contact_fts WHERE rowid = old.id;
        INSERT INTO contact_fts(rowid, name, folded, organisation, profile)
        VALUES (new.id, new.display_name, new.search_name, coalesce(new.organisation, ''),
                {PROFILE.format(p="new")});
    END""",
    """CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM contact_fts WHERE rowid = old.id;
    END""",
    "INSERT INTO contact_fts(rowid, name, folded, organisation, profile) "
    "SELECT id, display_name, search_name, coalesce(organisation, ''), "
    f"{PROFILE.format(p='contacts')} FROM contacts",
]


def upgrade() -> None:
    for statement in DROP_PEOPLE_INDEX:
        op.execute(statement)
    connection = op.get_bind()
    rows = connection.execute(text("SELECT id, display_name, search_name FROM contacts")).fetchall()
    for contact_id, name, stored in rows:
        folded = _fold(name)
        if folded != stored:
            connection.execute(
                text("UPDATE contacts SET search_name = :folded WHERE id = :id"),
                {"folded": folded, "id": contact_id},
            )
    for statement in PEOPLE_INDEX:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("journals are never migrated down; restore a backup instead")
