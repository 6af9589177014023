"""The journal's undo history (written by journal/history.py through store/change_log.py).

Declared here so the schema the migrations build can be checked against the models;
nothing reads these through the ORM.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from relationship_journal.store.models import Base


class HistoryEntry(Base):
    """One change a person made, done or undone; `capture` names its rows in history_rows."""

    __tablename__ = "history"
    __table_args__ = (CheckConstraint("state IN ('done', 'undone')", name="history_state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(Text)
    capture: Mapped[int]
    made_at: Mapped[str] = mapped_column(Text)
    made_by: Mapped[str] = mapped_column(Text)


class HistoryRow(Base):
    """The statement that reverses one row's write, in the order the rows were written."""

    __tablename__ = "history_rows"
    __table_args__ = (Index("history_rows_capture", "capture", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    capture: Mapped[int]
    table_name: Mapped[str] = mapped_column(Text)
    row_id: Mapped[int]
    contact_id: Mapped[int | None]
    other_contact_id: Mapped[int | None]
    interaction_id: Mapped[int | None]
    statement: Mapped[str] = mapped_column(Text)
