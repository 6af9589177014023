"""Tables for staying in touch: who knows whom, and what Today was told to set aside.

Kept apart from models.py so the Today and introductions features' tables read in one
place; the meaning of each value lives in the service layer (journal/relationships.py,
journal/agenda_marks.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from relationship_journal.store.models import Base


class Relationship(Base):
    """Two people in the journal who know each other: `other` is `person`'s `kind`.

    ("Ann", "Bob", "child") reads "Bob is Ann's child"; ("Ann", "Bob", "introduced")
    reads "Ann introduced me to Bob". A pair the person chose not to link (a suggestion
    they ignored) is kept as kind 'suggested', state 'ignored', so it is not suggested again.
    """

    __tablename__ = "relationships"
    __table_args__ = (
        CheckConstraint("person_id <> other_id", name="relationship_two_people"),
        CheckConstraint(
            "kind IN ('partner', 'child', 'parent', 'sibling', 'family', 'colleague', 'friend', 'introduced', 'suggested')",
            name="relationship_kind_known",
        ),
        CheckConstraint("state IN ('confirmed', 'ignored')", name="relationship_state_known"),
        UniqueConstraint("person_id", "other_id", "kind", name="relationship_once"),
        Index("ix_relationships_other", "other_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    other_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10), default="confirmed")
    created_on: Mapped[dt.date] = mapped_column(Date)


class AgendaMark(Base):
    """A Today item the person snoozed (until a day) or marked done/dismissed.

    `item_key` names the item as journal/agenda.py builds it ("promise:12",
    "touch:7:2026-10-01", "date:7:birthday:2026-12-05"), so a mark outlives a restart
    and a key that no longer appears simply matches nothing.
    """

    __tablename__ = "agenda_marks"
    __table_args__ = (CheckConstraint("action IN ('snoozed', 'done')", name="agenda_action_known"),)

    item_key: Mapped[str] = mapped_column(Text, primary_key=True)
    action: Mapped[str] = mapped_column(String(10))
    until: Mapped[dt.date | None] = mapped_column(Date)
    marked_on: Mapped[dt.date] = mapped_column(Date)
