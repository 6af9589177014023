"""Tables for moving contacts in: import batches (so an import can be undone whole)
and the contact history where an import's disagreeing values are kept.

Kept apart from models.py so the import feature's tables can be read in one place.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from relationship_journal.store.models import Base


class ImportBatch(Base):
    """One run of an import: what it read, what it did, and whether it was undone."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    sources: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ImportBatchContact(Base):
    """A contact an import created or added to; `undo` holds what to take back (JSON)."""

    __tablename__ = "import_batch_contacts"
    __table_args__ = (
        CheckConstraint("action IN ('created', 'changed')", name="batch_action_known"),
        Index("ix_import_batch_contacts_contact", "contact_id"),
    )

    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    action: Mapped[str] = mapped_column(String(10))
    undo: Mapped[str] = mapped_column(Text, default="{}")


class ContactHistory(Base):
    """A value the journal did not take (a conflict on import), kept so nothing is lost."""

    __tablename__ = "contact_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[str] = mapped_column(Text, default="")
    imported_value: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
