"""The full-text index: SQLite FTS5 tables kept in step with the journal by triggers.

Two indexes: one over people (names, organisation, profile text) and one over the
notes of interactions. `remove_diacritics 2` lets "Zoe" find "Zoë".
"""

CONTACT_PROFILE_TEXT = (
    "coalesce(new.nickname, '') || ' ' || coalesce(new.role, '') || ' ' || "
    "coalesce(new.interests, '') || ' ' || coalesce(new.goals, '') || ' ' || "
    "coalesce(new.how_met, '') || ' ' || coalesce(new.where_met, '') || ' ' || "
    "coalesce(new.family, '') || ' ' || coalesce(new.can_do_for_them, '') || ' ' || "
    "coalesce(new.communities, '') || ' ' || coalesce(new.notes, '')"
)

CREATE_STATEMENTS = [
    "CREATE VIRTUAL TABLE contact_fts USING fts5("
    "name, organisation, profile, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE interaction_fts USING fts5("
    "note, location, tokenize = 'unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contact_fts(rowid, name, organisation, profile)
        VALUES (new.id, new.display_name, coalesce(new.organisation, ''), {CONTACT_PROFILE_TEXT});
    END""",
    f"""CREATE TRIGGER contacts_fts_update AFTER UPDATE ON contacts BEGIN
        DELETE FROM contact_fts WHERE rowid = old.id;
        INSERT INTO contact_fts(rowid, name, organisation, profile)
        VALUES (new.id, new.display_name, coalesce(new.organisation, ''), {CONTACT_PROFILE_TEXT});
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

DROP_STATEMENTS = [
    "DROP TRIGGER IF EXISTS interactions_fts_delete",
    "DROP TRIGGER IF EXISTS interactions_fts_update",
    "DROP TRIGGER IF EXISTS interactions_fts_insert",
    "DROP TRIGGER IF EXISTS contacts_fts_delete",
    "DROP TRIGGER IF EXISTS contacts_fts_update",
    "DROP TRIGGER IF EXISTS contacts_fts_insert",
    "DROP TABLE IF EXISTS interaction_fts",
    "DROP TABLE IF EXISTS contact_fts",
]
