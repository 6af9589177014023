"""The Journal: the one entry point to read and write a person's journal.

The GUI, the command line, the reports and the tests all go through it. Reads that
must be instant (search, lists, health inputs) use plain sqlite3; writes go through
SQLAlchemy sessions, each one transaction that either lands whole or not at all.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from relationship_journal.paths import JournalPaths, resolve_paths
from relationship_journal.store.database import Database

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from relationship_journal.journal.agenda import Agenda
    from relationship_journal.journal.contacts import ContactBook
    from relationship_journal.journal.health_service import HealthService
    from relationship_journal.journal.history import History
    from relationship_journal.journal.interactions import Timeline
    from relationship_journal.journal.ledger import Ledger
    from relationship_journal.journal.preferences import Preferences
    from relationship_journal.journal.relationships import Relationships
    from relationship_journal.journal.search import Search


class Journal:
    """One user's journal on disk."""

    def __init__(self, paths: JournalPaths) -> None:
        self.paths = paths
        self.database = Database(paths.database)

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None) -> Journal:
        """Open (creating or upgrading if needed) the journal in `data_dir` or the default place."""
        return cls(resolve_paths(data_dir))

    def transaction(self) -> AbstractContextManager[Session]:
        """A unit of work: committed whole on success, rolled back whole on any error."""
        return _unit_of_work(self.database.engine)

    def reading_session(self) -> AbstractContextManager[Session]:
        """A unit of work that only reads through the ORM: one consistent snapshot, without
        the write lock or the checks a write needs first."""
        return _unit_of_work(self.database.read_engine)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self.database.reading() as connection:
            yield connection

    @cached_property
    def contacts(self) -> ContactBook:
        from relationship_journal.journal.contacts import ContactBook

        return ContactBook(self)

    @cached_property
    def interactions(self) -> Timeline:
        from relationship_journal.journal.interactions import Timeline

        return Timeline(self)

    @cached_property
    def ledger(self) -> Ledger:
        from relationship_journal.journal.ledger import Ledger

        return Ledger(self)

    @cached_property
    def health(self) -> HealthService:
        from relationship_journal.journal.health_service import HealthService

        return HealthService(self)

    @cached_property
    def history(self) -> History:
        from relationship_journal.journal.history import History

        return History(self)

    @cached_property
    def preferences(self) -> Preferences:
        from relationship_journal.journal.preferences import Preferences

        return Preferences(self)

    @cached_property
    def agenda(self) -> Agenda:
        from relationship_journal.journal.agenda import Agenda

        return Agenda(self)

    @cached_property
    def relationships(self) -> Relationships:
        from relationship_journal.journal.relationships import Relationships

        return Relationships(self)

    @cached_property
    def search(self) -> Search:
        from relationship_journal.journal.search import Search

        return Search(self)

    def close(self) -> None:
        if "health" in self.__dict__:  # made on first use (cached_property)
            self.health.close()
        self.database.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@contextmanager
def _unit_of_work(engine: Engine) -> Iterator[Session]:
    from sqlalchemy.orm import Session

    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session
