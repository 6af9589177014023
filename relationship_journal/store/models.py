"""The journal's tables as typed SQLAlchemy models.

The store knows tables, not stories: validation and meaning live in `journal`.
Scores are never stored here; the health model recomputes them from the log.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Contact(Base):
    """A person, with the depth profile that makes the relationship more than a name."""

    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint("circle IN (5, 15, 50, 150, 500)", name="circle_is_a_layer"),
        CheckConstraint("calibre IS NULL OR calibre BETWEEN 1 AND 5", name="calibre_range"),
        CheckConstraint("cadence_days IS NULL OR cadence_days > 0", name="cadence_positive"),
        Index("ix_contacts_search_name", "search_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    search_name: Mapped[str] = mapped_column(String(200), default="")
    given_name: Mapped[str | None] = mapped_column(String(100))
    family_name: Mapped[str | None] = mapped_column(String(100))
    nickname: Mapped[str | None] = mapped_column(String(100))
    organisation: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    birthday_year: Mapped[int | None] = mapped_column(Integer)
    birthday_month: Mapped[int | None] = mapped_column(Integer)
    birthday_day: Mapped[int | None] = mapped_column(Integer)
    how_met: Mapped[str | None] = mapped_column(Text)
    where_met: Mapped[str | None] = mapped_column(Text)
    met_on: Mapped[dt.date | None] = mapped_column(Date)
    interests: Mapped[str | None] = mapped_column(Text)
    goals: Mapped[str | None] = mapped_column(Text)
    family: Mapped[str | None] = mapped_column(Text)
    can_do_for_them: Mapped[str | None] = mapped_column(Text)
    communities: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    calibre: Mapped[int | None] = mapped_column(Integer)
    circle: Mapped[int] = mapped_column(Integer, default=150)
    cadence_days: Mapped[int | None] = mapped_column(Integer)
    kin: Mapped[bool] = mapped_column(Boolean, default=False)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_url: Mapped[str | None] = mapped_column(Text)
    # The id the sending address book gave this person (a vCard UID), kept for re-imports.
    uid: Mapped[str | None] = mapped_column(String(300), index=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    emails: Mapped[list[ContactEmail]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactEmail.position"
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactPhone.position"
    )
    urls: Mapped[list[ContactUrl]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactUrl.position"
    )
    important_dates: Mapped[list[ImportantDate]] = relationship(
        back_populates="contact", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, order_by="Tag.name")
    addresses: Mapped[list[ContactAddress]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactAddress.position"
    )


class ContactEmail(Base):
    __tablename__ = "contact_emails"
    __table_args__ = (Index("ix_contact_emails_address", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String(320))
    label: Mapped[str | None] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer, default=0)
    contact: Mapped[Contact] = relationship(back_populates="emails")


class ContactAddress(Base):
    """A postal address in its parts, so it goes back out to vCard and CSV as it came in."""

    __tablename__ = "contact_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    label: Mapped[str | None] = mapped_column(String(60))
    street: Mapped[str] = mapped_column(Text, default="")
    extended: Mapped[str] = mapped_column(Text, default="")
    po_box: Mapped[str] = mapped_column(String(60), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    contact: Mapped[Contact] = relationship(back_populates="addresses")


class ContactPhone(Base):
    __tablename__ = "contact_phones"
    __table_args__ = (Index("ix_contact_phones_normalized", "normalized"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(60))
    normalized: Mapped[str] = mapped_column(String(60), default="")
    label: Mapped[str | None] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer, default=0)
    contact: Mapped[Contact] = relationship(back_populates="phones")


class ContactUrl(Base):
    __tablename__ = "contact_urls"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    contact: Mapped[Contact] = relationship(back_populates="urls")


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class ImportantDate(Base):
    """A yearly date that matters to the person (anniversary, child's birthday, ...)."""

    __tablename__ = "important_dates"
    __table_args__ = (
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("day BETWEEN 1 AND 31", name="day_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer)
    contact: Mapped[Contact] = relationship(back_populates="important_dates")


class InteractionContact(Base):
    """Links one journal entry to each person who was there."""

    __tablename__ = "interaction_contacts"
    __table_args__ = (Index("ix_interaction_contacts_contact", "contact_id", "interaction_id"),)

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True)


class Interaction(Base):
    """One dated entry of the journal, on the timeline of everyone who took part."""

    __tablename__ = "interactions"
    __table_args__ = (
        CheckConstraint("depth BETWEEN 1 AND 5", name="depth_range"),
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes_nonnegative"),
        CheckConstraint(
            "initiated_by IN ('me', 'them', 'mutual', 'unknown')", name="initiated_by_known"
        ),
        CheckConstraint("people_present IS NULL OR people_present >= 2", name="people_present_min"),
        Index("ix_interactions_date", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str | None] = mapped_column(String(20))
    minutes: Mapped[int | None] = mapped_column(Integer)
    initiated_by: Mapped[str] = mapped_column(String(10), default="unknown")
    depth: Mapped[int] = mapped_column(Integer, default=2)
    people_present: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())

    contacts: Mapped[list[Contact]] = relationship(secondary="interaction_contacts", order_by="Contact.display_name")


class Favour(Base):
    """Help given or received; the reciprocity ledger is built from these."""

    __tablename__ = "favours"
    __table_args__ = (
        CheckConstraint("direction IN ('given', 'received')", name="direction_known"),
        CheckConstraint("size BETWEEN 0 AND 3", name="size_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer, default=1)
    what: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date] = mapped_column(Date)
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id", ondelete="SET NULL"))


class Ask(Base):
    """Something I asked of the person, and how they answered."""

    __tablename__ = "asks"
    __table_args__ = (
        CheckConstraint("size BETWEEN 1 AND 3", name="ask_size_range"),
        CheckConstraint("outcome IN ('open', 'helped', 'declined', 'ignored')", name="outcome_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=1)
    outcome: Mapped[str] = mapped_column(String(10), default="open")
    date: Mapped[dt.date] = mapped_column(Date)
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id", ondelete="SET NULL"))


class Commitment(Base):
    """A promise with a due date, mine or theirs, open until done."""

    __tablename__ = "commitments"
    __table_args__ = (CheckConstraint("owner IN ('mine', 'theirs')", name="owner_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    created_on: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    done_date: Mapped[dt.date | None] = mapped_column(Date)
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id", ondelete="SET NULL"))



# The import feature, the undo history and the journal's settings keep their tables in their own modules;
# loading them here registers them.
from relationship_journal.store import (  # noqa: E402, F401
    models_exchange,
    models_history,
    models_people,
    models_settings,
)
