"""Alembic environment: runs migrations on the connection the store hands over."""

from alembic import context

from relationship_journal.store.migrate import include_name
from relationship_journal.store.models import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
