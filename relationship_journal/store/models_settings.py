"""The journal's own settings: choices that change its figures, kept with its data.

A plain key/value table, so a new setting needs no migration; the meaning of each key
and the validation of its value live in the service layer (journal/preferences.py).
"""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from relationship_journal.store.models import Base


class JournalSetting(Base):
    """One setting, e.g. key 'cadence_days.15' with value '60'."""

    __tablename__ = "journal_settings"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
