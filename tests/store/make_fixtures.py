"""Make tests/store/fixtures/journal-<revision>.sqlite3: one small journal per schema revision.

Each fixture is what an app at that revision would have left on disk: the schema
built by the migrations up to that revision (their DDL is frozen) and data written
with plain SQL in that revision's shape. tests/store/test_migration_fixtures.py
opens a copy of each with the current app and checks every row survives the upgrade.

After adding a migration, run from the project root:

    python tests/store/make_fixtures.py

It writes the fixtures that are missing and leaves existing ones alone (they stand
for files older apps wrote); `--force` rewrites them all. If the new revision adds
tables, add an entry to DATA_ADDED_AT so its fixture holds rows in them too.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

FIXTURES = Path(__file__).with_name("fixtures")
SECRET_NOTE = "Fixture note: Ada is training for the Lisbon marathon"

# Rows written when the journal reaches each revision, in that revision's shape.
DATA_ADDED_AT: dict[str, list[str]] = {
    "0001": [
        """INSERT INTO contacts (id, display_name, search_name, given_name, family_name, nickname,
            organisation, role, birthday_year, birthday_month, birthday_day, how_met, where_met,
            met_on, interests, goals, family, can_do_for_them, communities, notes, calibre, circle,
            cadence_days, kin, photo, photo_url, archived, created_at, updated_at)
           VALUES (1, 'Ada Lovelace', 'ada lovelace', 'Ada', 'Lovelace', 'Addie', 'Analytical Ltd',
            'Engineer', 1985, 12, 10, 'Through Charles', 'London', '2019-03-01', 'mathematics, poetry',
            'Finish the engine notes', 'Two children', 'Introduce her to Mary', 'Royal Society',
            'Prefers letters', 5, 5, 14, 0, X'89504E47', NULL, 0, '2020-01-01 10:00:00',
            '2024-05-01 09:30:00')""",
        """INSERT INTO contacts (id, display_name, search_name, circle, kin, archived)
           VALUES (2, 'Zoë Ångström', 'zoe angstrom', 15, 1, 0)""",
        """INSERT INTO contacts (id, display_name, search_name, circle, kin, archived, notes)
           VALUES (3, 'Old Friend', 'old friend', 150, 0, 1, 'Moved abroad')""",
        "INSERT INTO tags (id, name) VALUES (1, 'sailing'), (2, 'family')",
        "INSERT INTO contact_tags (contact_id, tag_id) VALUES (1, 1), (2, 2)",
        "INSERT INTO contact_emails (id, contact_id, address, label, position) "
        "VALUES (1, 1, 'ada@example.org', 'work', 0)",
        "INSERT INTO contact_phones (id, contact_id, number, normalized, label, position) "
        "VALUES (1, 2, '+44 20 7946 0000', '+442079460000', 'mobile', 0)",
        "INSERT INTO contact_urls (id, contact_id, url, label, position) "
        "VALUES (1, 1, 'https://example.org/ada', 'site', 0)",
        "INSERT INTO important_dates (id, contact_id, label, month, day, year) "
        "VALUES (1, 2, 'Wedding anniversary', 6, 21, 2015)",
        f"""INSERT INTO interactions (id, date, kind, channel, minutes, initiated_by, depth,
            people_present, note, location)
           VALUES (1, '2024-04-02', 'call', 'phone', 45, 'me', 4, NULL, '{SECRET_NOTE}', NULL)""",
        """INSERT INTO interactions (id, date, kind, minutes, initiated_by, depth, people_present,
            note, location)
           VALUES (2, '2024-05-10', 'meeting', 120, 'mutual', 3, 3, 'Dinner with **both**', 'Lisbon')""",
        "INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (1, 1), (2, 1), (2, 2)",
        "INSERT INTO favours (id, contact_id, direction, size, what, date, interaction_id) "
        "VALUES (1, 1, 'given', 2, 'Proof-read her paper', '2024-04-03', 1)",
        "INSERT INTO asks (id, contact_id, what, size, outcome, date, resolved_on, interaction_id) "
        "VALUES (1, 2, 'Borrow the boat', 2, 'helped', '2024-05-10', '2024-05-12', 2)",
        "INSERT INTO commitments (id, contact_id, owner, text, created_on, due_date, done_date, "
        "interaction_id) VALUES (1, 1, 'mine', 'Send the notes', '2024-04-02', '2024-04-30', NULL, 1)",
    ],
    "0002": [
        "INSERT INTO import_batches (id, created_at, sources, summary, undone_at) "
        "VALUES (1, '2024-06-01 08:00:00', 'contacts.vcf', '1 created', NULL)",
        "INSERT INTO contacts (id, display_name, search_name, circle, kin, archived) "
        "VALUES (4, 'Imported Person', 'imported person', 500, 0, 0)",
        "INSERT INTO import_batch_contacts (batch_id, contact_id, action, undo) "
        "VALUES (1, 4, 'created', '{}')",
        "INSERT INTO contact_history (id, contact_id, batch_id, recorded_at, field, kept_value, "
        "imported_value, source) VALUES (1, 1, 1, '2024-06-01 08:00:00', 'organisation', "
        "'Analytical Ltd', 'Analytical Engines plc', 'contacts.vcf')",
    ],
    "0003": [
        "INSERT INTO journal_settings (key, value) VALUES ('cadence_days.50', '60')",
    ],
    "0005": [
        "INSERT INTO contact_addresses (id, contact_id, label, street, extended, po_box, city, region, "
        "postcode, country, position) VALUES (1, 1, 'home', '12 Harbour Lane', '', '', 'Bristol', '', "
        "'BS1 4QA', 'United Kingdom', 0)",
        "UPDATE contacts SET uid = 'urn:uuid:5f1c3f0e-1b7a-4a55-9d1e-0b8f4a2c9e11' WHERE id = 1",
    ],
    "0006": [
        "INSERT INTO relationships (id, person_id, other_id, kind, state, created_on) "
        "VALUES (1, 1, 2, 'friend', 'confirmed', '2024-06-02')",
        "INSERT INTO agenda_marks (item_key, action, until, marked_on) "
        "VALUES ('promise:1', 'snoozed', '2024-06-09', '2024-06-02')",
    ],
}


def fixture_path(revision: str) -> Path:
    return FIXTURES / f"journal-{revision}.sqlite3"


def make_fixture(revision: str, revisions: list[str], target: Path) -> None:
    """Build the journal as the app at `revision` left it: migrate step by step, adding data."""
    from sqlalchemy import create_engine

    from relationship_journal.store import migrate

    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{target}")
    try:
        for step in revisions[: revisions.index(revision) + 1]:
            with engine.begin() as connection:
                migrate.upgrade(connection, step)
                for statement in DATA_ADDED_AT.get(step, []):
                    connection.exec_driver_sql(statement)
    finally:
        engine.dispose()
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA page_size = 1024")  # small files: they are committed
        connection.execute("VACUUM")
        problem = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    if problem != "ok":
        raise SystemExit(f"{target}: {problem}")
    target.chmod(0o600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rewrite existing fixtures too")
    args = parser.parse_args(argv)
    from relationship_journal.store import migrate

    revisions = migrate.known_revisions()
    FIXTURES.mkdir(exist_ok=True)
    for revision in revisions:
        target = fixture_path(revision)
        if target.exists() and not args.force:
            print(f"kept  {target.name}")
            continue
        make_fixture(revision, revisions, target)
        print(f"wrote {target.name} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
