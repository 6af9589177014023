"""Persistence: typed SQLAlchemy models, the database file and its migrations."""
